import { ConflictNotice } from './ConflictNotice';
import type { ChangeList } from './edit-state';

/** The conflict notice with the one way on: take the other change into the form, keeping the user's own edits. */
export function ConflictPanel({ changes, onAccept }: { changes: ChangeList; onAccept: () => void }) {
  return (
    <>
      <ConflictNotice changes={changes} />
      <button type="button" class="secondary" onClick={onAccept}>
        Jag har sett ändringarna – spara mina uppgifter ovanpå dem
      </button>
    </>
  );
}
