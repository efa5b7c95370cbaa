// Builds the local Neo4j launcher (neo4j/) with Maven when it is missing or older than its sources.
// Runs on `npm install`; without Maven it explains what to do and lets the install finish, because a
// service that uses its own Neo4j (NEO4J_URI) needs no Java at all.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const project = path.join(root, 'neo4j');
const jar = path.join(project, 'target', 'neo4j-launcher.jar');
const required = process.argv.includes('--required');

function newestSource(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs;
    return Math.max(newest, time);
  }, 0);
}

const sourcesTime = Math.max(statSync(path.join(project, 'pom.xml')).mtimeMs, newestSource(path.join(project, 'src')));
if (existsSync(jar) && statSync(jar).mtimeMs >= sourcesTime) {
  process.exit(0);
}

const maven = spawnSync('mvn', ['-q', '-B', '-f', path.join(project, 'pom.xml'), '-DskipTests', 'package'], {
  stdio: 'inherit',
});
if (maven.error?.code === 'ENOENT') {
  console.warn(
    'samverkan: Maven (mvn) was not found, so the local Neo4j launcher was not built.\n' +
      '  Install a JDK 17+ and Maven, then run `npm run build:neo4j`,\n' +
      '  or set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to use a Neo4j of your own.',
  );
  process.exit(required ? 1 : 0);
}
if (maven.status !== 0) {
  console.error(`samverkan: the Maven build of neo4j/ failed (exit ${maven.status}).`);
  process.exit(1);
}
