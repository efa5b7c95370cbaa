import type { CombinedError } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { apiErrors } from './api-errors';
import type { ConflictNotice } from './ConflictNotice';
import { focusField } from './Field';
import { fieldId } from './field-errors';

export type ChangeList = Parameters<typeof ConflictNotice>[0]['changes'];

/** A node as an edit form reads it: its version, the form's values of it, and its latest changes, newest first. */
export interface Versioned<V> {
  version: number;
  values: V;
  changes: ChangeList;
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the values the user changed: a field left alone is not written over someone else's edit. */
export function changedValues<V extends object>(before: V, after: V): Partial<V> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => !same(value, before[key as keyof V]))) as Partial<V>;
}

/** What the user changed, with the text fields they emptied as null: the API clears a field that is sent as null. */
export function emptiedAsNull<V extends object>(changed: Partial<V>, textFields: (keyof V)[]): { [K in keyof V]?: V[K] | null } {
  const input: { [K in keyof V]?: V[K] | null } = { ...changed };
  for (const field of textFields) if (field in changed) input[field] = changed[field] || null;
  return input;
}

/** How a form saves its versioned node: the steps that differ from form to form. */
export interface VersionedSave<V> {
  /** The prefix of the form's field ids, so that the field in error can be focused (`fieldId`). */
  formId: string;
  /** The form's own problems by field, and the order its fields stand in: the first in error gets the focus. */
  problems: Record<string, string>;
  fieldOrder: string[];
  /** Sends what the user changed at the form's version: the version saved, or the API's error. */
  write: (changed: Partial<V>, expectedVersion: number) => Promise<{ version?: number; error?: CombinedError }>;
  /** Reads what is saved now, after a CONFLICT. */
  read: () => Promise<Versioned<V> | null>;
}

/**
 * The state of a form that edits a versioned node: the values, the values as last read (what the user
 * changed is measured against these), the version they came from, and someone else's saves since.
 */
export function useVersionedEdit<V extends object>(current: Versioned<V> | null) {
  const [values, setValues] = useState<V | null>(null);
  const [loaded, setLoaded] = useState<V | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [conflict, setConflict] = useState<Versioned<V> | null>(null);
  useEffect(() => {
    if (!current || values !== null) return;
    setValues(current.values);
    setLoaded(current.values);
    setBaseVersion(current.version);
  }, [current]);

  /**
   * After a CONFLICT: reads what is saved now and shows the changes made since this form's version. A
   * CONFLICT means a newer version is saved; an answer older than that came from a read already under
   * way, so it reads again.
   */
  const conflicted = async (read: () => Promise<Versioned<V> | null>) => {
    let now: Versioned<V> | null = null;
    for (let attempt = 0; attempt < 3 && !(now && baseVersion !== null && now.version > baseVersion); attempt++) now = await read();
    if (now) setConflict({ ...now, changes: now.changes.slice(0, Math.max(now.version - (baseVersion ?? now.version), 1)) });
  };

  return {
    values,
    setValues,
    baseVersion,
    conflict,
    /**
     * Saves the form: stops at its own first problem, focusing that field; otherwise writes what the
     * user changed at the form's version and keeps the version saved. After a CONFLICT it shows what is
     * saved now; after another error it focuses the field the API names. True when saved.
     */
    async save({ formId, problems, fieldOrder, write, read }: VersionedSave<V>): Promise<boolean> {
      const first = fieldOrder.find((field) => problems[field]);
      if (first) {
        focusField(fieldId(formId, first));
        return false;
      }
      if (!values || !loaded || baseVersion === null) return false;
      const answer = await write(changedValues(loaded, values), baseVersion);
      if (answer.version !== undefined) {
        setBaseVersion(answer.version);
        setLoaded(values);
        setConflict(null);
        return true;
      }
      const problem = apiErrors(answer.error);
      if (problem.code === 'CONFLICT') {
        await conflicted(read);
        return false;
      }
      const field = Object.keys(problem.fields)[0];
      if (field) focusField(fieldId(formId, field));
      return false;
    },
    /** What the user left alone takes the other change's value; what they changed stays theirs. */
    acceptNewVersion() {
      if (!conflict || !values || !loaded) return;
      const merged = Object.fromEntries(
        Object.keys(values).map((key) => {
          const k = key as keyof V;
          return [key, same(values[k], loaded[k]) ? conflict.values[k] : values[k]];
        }),
      ) as V;
      setValues(merged);
      setLoaded(conflict.values);
      setBaseVersion(conflict.version);
      setConflict(null);
    },
  };
}
