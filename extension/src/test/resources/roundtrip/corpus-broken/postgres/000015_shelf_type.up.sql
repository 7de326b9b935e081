CREATE TYPE shelf_kind AS ENUM ('wall', 'floor');
CREATE TABLE shelf (id serial PRIMARY KEY, kind shelf_kind NOT NULL);
