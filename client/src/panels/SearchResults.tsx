import type { SearchHit } from '../api/queries.ts';
import { describeDetail } from './hitDetail.ts';
import { TypeChip } from './TypeChip.tsx';

interface Props {
  query: string;
  hits: SearchHit[] | undefined;
  loading: boolean;
  error: string | undefined;
  onPick: (hit: SearchHit) => void;
}

export function SearchResults({ query, hits, loading, error, onPick }: Props) {
  return (
    <section className="results" aria-label="Search results">
      <h3>
        Results {loading && <span className="spinner" aria-label="searching" />}
      </h3>
      {error && <p className="error-text">{error}</p>}
      {!error && !loading && hits && hits.length === 0 && <p className="muted">Nothing matches “{query}”.</p>}
      {!hits && !loading && !error && <p className="muted">Search for a person, organisation, place, project or article.</p>}
      <ul className="result-list" data-testid="search-results">
        {hits?.map((hit) => (
          <li key={hit.id}>
            <button type="button" className="result" data-id={hit.id} onClick={() => onPick(hit)} title={`Add ${hit.label} and its neighbours to the canvas`}>
              <TypeChip type={hit.type} />
              <span className="result-label">{hit.label}</span>
              {describeDetail(hit) && <span className="result-detail">{describeDetail(hit)}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
