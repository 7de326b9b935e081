-- A privilege held from two grantors is one privilege in the snapshot; and a default privilege of a schema entry.
GRANT SELECT ON public.scratch TO dbparity_golden_writer WITH GRANT OPTION;
SET ROLE dbparity_golden_writer;
GRANT SELECT ON public.scratch TO dbparity_golden_reader;
RESET ROLE;
GRANT SELECT ON public.scratch TO dbparity_golden_reader;
GRANT USAGE ON SCHEMA app TO dbparity_golden_writer WITH GRANT OPTION;
SET ROLE dbparity_golden_writer;
GRANT USAGE ON SCHEMA app TO dbparity_golden_reader;
RESET ROLE;
