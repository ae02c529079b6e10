// Preloaded (--import) into the api child only when it runs with --cpu-prof: Node writes the
// profile on a normal exit, but the api's shutdown hooks end the process by re-raising the signal,
// which writes nothing. Registered before the api's own listeners, so it runs first.
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => process.exit(0));
