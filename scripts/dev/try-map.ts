import { worldShapes } from "../../lib/dashboard/map-geometry";
const t = performance.now(); const s = worldShapes(); console.log(s.length, (performance.now()-t).toFixed(0), "ms", JSON.stringify(s).length, "bytes", s.filter(x=>!x.code).map(x=>x.name));
