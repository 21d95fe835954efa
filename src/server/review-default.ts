import type { Store } from '../store/store.ts';
import type { ReviewService } from './review-service.ts';

/**
 * The review service backed by the corroboration stage (src/corroborate/service.ts), or null
 * while that stage is not part of the build: the API then answers 503 to decisions.
 */
export async function defaultReviewService(_store: Store): Promise<ReviewService | null> {
  return null;
}
