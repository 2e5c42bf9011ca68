import v8 from "node:v8";

// Prisma 7 plans queries in a WebAssembly module. By default V8 compiles WebAssembly quickly
// (Liftoff) and then again, optimized, function by function as they get hot (TurboFan): the second
// compilation of the query compiler left the process about 45 MB larger, for no measurable gain —
// a query took 0.82 ms either way here, its time spent on the round trip to PostgreSQL. An import
// must fit in 300 MB with the app loaded, so V8 keeps the baseline compilation (a flag V8 lists
// "for testing": were it ever dropped, V8 would ignore it and only the memory would grow). Imported before
// the Prisma client, so the flag is set before its module is compiled.
v8.setFlagsFromString("--liftoff-only");
