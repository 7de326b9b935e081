-- the boxes are gone for good
SELECT 1;
