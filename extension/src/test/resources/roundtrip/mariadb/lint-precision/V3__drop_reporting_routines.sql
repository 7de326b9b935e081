-- dbparity:allow INCOMPATIBLE the reports moved to the warehouse and call neither any more
DROP FUNCTION IF EXISTS order_count;
DROP PROCEDURE IF EXISTS archive_orders;
