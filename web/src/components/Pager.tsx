interface Props {
  label: string;
  page: number;
  pageCount?: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

export function Pager({ label, page, pageCount, hasPrevious, hasNext, onPrevious, onNext }: Props) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" onClick={onPrevious} disabled={!hasPrevious}>
        Föregående sida
      </button>
      <span>
        Sida {page}
        {pageCount ? ` av ${pageCount}` : ''}
      </span>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        Nästa sida
      </button>
    </nav>
  );
}
