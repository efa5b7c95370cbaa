import type { EncodedValue } from './values.ts';

/**
 * A backup file: gzip'd JSON lines. The first line is the header, then one line per node, then one per
 * relationship, then the trailer, whose counts say the file is whole. Nodes are named by the element id
 * they had in the database backed up; relationships refer to those names.
 */
export const backupFormat = 'samverkan-backup';
export const backupVersion = 1;

export interface BackupHeader {
  format: typeof backupFormat;
  version: typeof backupVersion;
  createdAt: string;
  /** The migrations the database had applied: a restore creates their constraints and indexes first. */
  migrations: string[];
}

export interface NodeLine {
  node: string;
  labels: string[];
  properties: Record<string, EncodedValue>;
}

export interface RelationshipLine {
  relationship: string;
  type: string;
  from: string;
  to: string;
  properties: Record<string, EncodedValue>;
}

export interface BackupTrailer {
  end: true;
  nodes: number;
  relationships: number;
}

export type BackupLine = NodeLine | RelationshipLine | BackupTrailer;
