DROP TABLE follow;
DROP TABLE ban;
DROP TABLE member;
