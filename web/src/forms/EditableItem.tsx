import { useMutation, type TypedDocumentNode } from '@urql/preact';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { apiErrors } from './api-errors';
import { Field, focusField } from './Field';
import { formErrors } from './field-errors';

/** How an item is removed: a mutation that takes the item's id and the reason, and whether its answer says removed. */
export interface Removal<Data> {
  mutation: TypedDocumentNode<Data, { id: string; reason: string }>;
  removed: (data: Data) => boolean;
  /** The id of the reason's field, and the words of the remove form: its field's label, its own name and its button. */
  fieldId: string;
  reasonLabel: string;
  formLabel: string;
  buttonLabel: string;
}

interface EditableItemProps<Data> {
  id: string;
  heading: ComponentChildren;
  summary: ComponentChildren;
  /** The button that opens the item's edit and remove forms. */
  toggleLabel: string;
  editForm: ComponentChildren;
  removal: Removal<Data>;
  onRemoved: () => void;
}

/** An item of an edit page's list (a participation, a grant): what it is, and behind one button a form to change it and one to remove it. */
export function EditableItem<Data>({ id, heading, summary, toggleLabel, editForm, removal, onRemoved }: EditableItemProps<Data>) {
  const [open, setOpen] = useState(false);
  return (
    <li class="review-item">
      <h2>{heading}</h2>
      <p>{summary}</p>
      <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {toggleLabel}
      </button>
      {open ? (
        <div class="side-by-side">
          {editForm}
          <RemoveForm id={id} removal={removal} onRemoved={onRemoved} />
        </div>
      ) : null}
    </li>
  );
}

/** Removes the item, saying why: a removal is kept in the history with its reason. */
function RemoveForm<Data>({ id, removal, onRemoved }: { id: string; removal: Removal<Data>; onRemoved: () => void }) {
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [result, remove] = useMutation(removal.mutation);
  const server = apiErrors(result.error);
  const errors = formErrors(server, local);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setLocal({ reason: 'Skriv varför, minst 3 tecken.' });
      return focusField(removal.fieldId);
    }
    setLocal({});
    const answer = await remove({ id, reason: reason.trim() });
    if (answer.data && removal.removed(answer.data)) onRemoved();
    else if (apiErrors(answer.error).fields.reason) focusField(removal.fieldId);
  };

  return (
    <form class="form" noValidate onSubmit={submit} aria-label={removal.formLabel}>
      <Field id={removal.fieldId} label={removal.reasonLabel} required value={reason} onInput={setReason} error={errors.reason} />
      {server.general ? (
        <p class="status-error" role="alert">
          {server.general}
        </p>
      ) : null}
      <button type="submit" class="secondary" disabled={result.fetching}>
        {removal.buttonLabel}
      </button>
    </form>
  );
}
