-- dbparity:allow INCOMPATIBLE the reports moved to the warehouse and call neither any more
DROP FUNCTION order_count();
DROP PROCEDURE archive_orders(INT);
