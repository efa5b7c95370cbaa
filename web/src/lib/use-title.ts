import { useEffect } from 'preact/hooks';

/** Names the page in the tab and for screen readers, which announce the title on navigation. */
export function useTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – Samverkan` : 'Samverkan';
  }, [title]);
}
