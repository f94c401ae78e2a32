// Exits 0 when a PostgreSQL server answers at the URL given (or TEST_DATABASE_URL), 1 when not.
import { reachable } from "../lib/db/postgres";

const url = process.argv[2] || process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
reachable(url).then((ok) => process.exit(ok ? 0 : 1));
