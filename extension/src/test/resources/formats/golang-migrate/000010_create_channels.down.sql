-- Nothing to undo here: golang-migrate projects leave such files empty.

