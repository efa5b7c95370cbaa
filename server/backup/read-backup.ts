import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { backupFormat, backupVersion, type BackupHeader, type BackupLine, type BackupTrailer } from './format.ts';

export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

/** The lines of a backup file after its header, parsed, one at a time. */
export async function* backupLines(file: string): AsyncGenerator<BackupLine> {
  let first = true;
  for await (const text of createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })) {
    if (first) {
      first = false;
      continue;
    }
    yield JSON.parse(text) as BackupLine;
  }
}

/**
 * Reads the whole file once before anything is loaded: its header must name this format and version,
 * and its trailer must be there with counts that match, or the file is cut short or not a backup.
 */
export async function checkBackupFile(file: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const header = await readHeader(file);
  const counted = { nodes: 0, relationships: 0 };
  let trailer: BackupTrailer | null = null;
  try {
    for await (const line of backupLines(file)) {
      if (trailer) throw new BackupFileError('lines after the trailer');
      if ('node' in line) counted.nodes++;
      else if ('relationship' in line) counted.relationships++;
      else if ('end' in line) trailer = line;
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    throw new BackupFileError(`${file} cannot be read to its end: ${(error as Error).message}`);
  }
  if (!trailer) throw new BackupFileError(`${file} has no trailer: the backup was cut short`);
  if (trailer.nodes !== counted.nodes || trailer.relationships !== counted.relationships) {
    throw new BackupFileError(`${file} holds ${counted.nodes} nodes and ${counted.relationships} relationships; its trailer says ${trailer.nodes} and ${trailer.relationships}`);
  }
  return { header, trailer };
}

async function readHeader(file: string): Promise<BackupHeader> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: Partial<BackupHeader> = {};
  try {
    for await (const text of lines) {
      header = JSON.parse(text);
      break;
    }
  } catch (error) {
    throw new BackupFileError(`${file} is not a gzip'd backup: ${(error as Error).message}`);
  } finally {
    lines.close();
  }
  if (header.format !== backupFormat) throw new BackupFileError(`${file} is not a ${backupFormat} file`);
  if (header.version !== backupVersion) throw new BackupFileError(`${file} is version ${header.version}; this build reads version ${backupVersion}`);
  return header as BackupHeader;
}
