// The entry of the thread that builds a snapshot. Worker threads do not inherit the TypeScript
// loader the service runs under (Node 20), so the thread registers it before loading the build.
import { register } from 'tsx/esm/api';

register();
await import('./build-worker.ts');
