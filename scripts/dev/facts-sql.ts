import { observationFactsSql } from "../../lib/reports/facts";
const q = observationFactsSql();
console.log((process.argv[2] === "sqlite" ? q.sql : q.text).replace(/\n\s+/g, "\n  ").trim() + ";");
