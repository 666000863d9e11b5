// The price of a publication on X lives in src/shared/x-cost.ts, so the composer shows what the connector bills.
export {
  estimateXCost,
  X_PRICE_PER_POST_USD,
  X_PRICE_PER_POST_WITH_URL_USD,
  type XCostEstimate,
} from '../../shared/x-cost.ts'
