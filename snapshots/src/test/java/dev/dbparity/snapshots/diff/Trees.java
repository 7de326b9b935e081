package dev.dbparity.snapshots.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.json.CanonicalJson;

/** Hand-written snapshot trees and edits on them, for diff tests. */
final class Trees {

	/** A PostgreSQL schema with one of nearly everything the format has. */
	static final String BASE = """
			{
			  "format": 1,
			  "engine": { "name": "postgres", "version": "17.6", "major": "17" },
			  "settings": { "timezone": "UTC", "encoding": "UTF8" },
			  "extensions": { "pgcrypto": { "version": "1.3", "schema": "public" } },
			  "schemas": {
			    "public": {
			      "owner": "app",
			      "comment": "main",
			      "tables": {
			        "orders": {
			          "kind": "table",
			          "owner": "app",
			          "comment": "orders",
			          "columns": {
			            "id": { "position": 1, "type": "bigint", "nullable": false, "identity": "always" },
			            "status": { "position": 2, "type": "character varying(20)", "nullable": false,
			                        "default": "'new'", "collation": "C" },
			            "total": { "position": 3, "type": "numeric(10,2)", "nullable": true },
			            "customer_id": { "position": 4, "type": "bigint", "nullable": true, "comment": "buyer" }
			          },
			          "primaryKey": { "name": "orders_pkey", "columns": ["id"] },
			          "foreignKeys": {
			            "(customer_id) -> public.customer(id)": {
			              "name": "orders_customer_id_fkey", "columns": ["customer_id"],
			              "references": { "schema": "public", "table": "customer", "columns": ["id"] },
			              "onDelete": "NO ACTION", "onUpdate": "NO ACTION"
			            }
			          },
			          "uniqueConstraints": { "(status)": { "name": "orders_status_key", "columns": ["status"] } },
			          "checks": { "(total > 0)": { "name": "orders_total_check", "validated": true } },
			          "exclusions": {
			            "gist (id WITH =)": { "name": "orders_excl", "definition": "EXCLUDE USING gist (id WITH =)" }
			          },
			          "indexes": { "btree (customer_id)": { "name": "orders_customer_idx", "unique": false,
			                                                "method": "btree", "columns": ["customer_id"] } },
			          "triggers": { "orders_audit": { "definition": "CREATE TRIGGER orders_audit", "enabled": "O" } },
			          "rowLevelSecurity": { "enabled": false, "forced": false },
			          "policies": { "own_rows": { "command": "ALL", "permissive": true, "roles": ["public"] } },
			          "grants": { "reporting": ["SELECT"] },
			          "partitioning": { "strategy": "range", "key": "id" },
			          "inherits": ["public.base"]
			        },
			        "comment": {
			          "kind": "table",
			          "columns": { "id": { "position": 1, "type": "integer", "nullable": true } }
			        }
			      },
			      "views": { "order_totals": { "materialized": false, "definition": "SELECT 1", "securityBarrier": false } },
			      "sequences": { "order_seq": { "type": "bigint", "start": 1, "increment": 1 } },
			      "types": {
			        "status": { "kind": "enum", "labels": ["new", "paid", "shipped"] },
			        "positive": { "kind": "domain", "baseType": "integer", "nullable": true,
			                      "checks": { "(VALUE > 0)": { "name": "positive_check" } } }
			      },
			      "routines": {
			        "order_total(bigint)": { "kind": "function", "language": "plpgsql", "returns": "numeric",
			                                 "arguments": "p_order bigint", "bodyHash": "sha256:aa",
			                                 "securityDefiner": false }
			      }
			    }
			  }
			}
			""";

	private Trees() {
	}

	static ObjectNode base() {
		return (ObjectNode) json(BASE);
	}

	static JsonNode json(String json) {
		return CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8), "test");
	}

	/** {@code edit} applied to a copy of {@link #BASE}. */
	static SchemaSnapshot snapshot(Consumer<ObjectNode> edit) {
		ObjectNode tree = base();
		edit.accept(tree);
		return new SchemaSnapshot(tree);
	}

	/** Sets the node at {@code slashPath} (keys separated by {@code /}) to {@code json}, creating objects on the way. */
	static Consumer<ObjectNode> set(String slashPath, String json) {
		return tree -> {
			List<String> keys = keys(slashPath);
			ObjectNode parent = tree;
			for (String key : keys.subList(0, keys.size() - 1)) {
				parent = parent.has(key) ? (ObjectNode) parent.get(key) : parent.putObject(key);
			}
			parent.set(keys.get(keys.size() - 1), json(json));
		};
	}

	static Consumer<ObjectNode> remove(String slashPath) {
		return tree -> {
			List<String> keys = keys(slashPath);
			JsonNode parent = tree;
			for (String key : keys.subList(0, keys.size() - 1)) {
				parent = parent.get(key);
			}
			((ObjectNode) parent).remove(keys.get(keys.size() - 1));
		};
	}

	static Consumer<ObjectNode> none() {
		return tree -> {
		};
	}

	private static List<String> keys(String slashPath) {
		return new ArrayList<>(List.of(slashPath.split("/")));
	}
}
