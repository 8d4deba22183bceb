import { mozKeptShare, mozLossPercent } from "./default-tables.ts";

/**
 * ROI of reputation work (docs SERM.md §4), two ways, always shown side by side and labelled:
 *
 * - the seed article's method, reproduced as it is (1PS): LTV = check × orders a year × years;
 *   customers = monthly traffic × conversion — which the article calls the yearly figure without
 *   multiplying by 12; income = customers × LTV; ROI = income / cost × 100;
 * - the MOZ-table model: k₁ negatives in the top 10 now → k₂ target changes the customers kept
 *   from f(k₁) to f(k₂); uplift = f(k₂)/f(k₁) − 1 on a year of customers (visits × 12 ×
 *   conversion); both ROI = income / cost and the net (income − cost) / cost.
 */
export type TSeedRoiInput = {
  avgCheck: number;
  ordersPerYear: number;
  years: number;
  /** Site visits a month (the model reads them as visits from brand queries). */
  monthlyTraffic: number;
  /** Conversion, %. */
  conversion: number;
  /** Cost of the reputation work. */
  cost: number;
};

export type TMozRoiInput = TSeedRoiInput & {
  negativesNow: number;
  negativesTarget: number;
  /** Share of income that is profit, %; 100 when omitted. */
  margin?: number;
};

export type TSeedRoi = { ltv: number; customers: number; income: number; roi: number };

export type TMozRoi = {
  /** X(k₁), X(k₂): % of customers lost per the MOZ table. */
  lossNow: number;
  lossTarget: number;
  uplift: number;
  customersPerYear: number;
  extraCustomers: number;
  ltv: number;
  income: number;
  /** Income / cost × 100, as the seed computes ROI. */
  roi: number;
  /** (Income − cost) / cost × 100. */
  roiNet: number;
};

/** A wrong input, naming its field (the key of the input object). */
export class RoiInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = "RoiInputError";
  }
}

type TRule = { min: number; max?: number; minExclusive?: boolean; integer?: boolean; optional?: boolean };

const SEED_RULES: Record<keyof TSeedRoiInput, TRule> = {
  avgCheck: { min: 0 },
  ordersPerYear: { min: 0 },
  years: { min: 0 },
  monthlyTraffic: { min: 0 },
  conversion: { min: 0, max: 100 },
  cost: { min: 0, minExclusive: true },
};

const MOZ_RULES: Record<keyof TMozRoiInput, TRule> = {
  ...SEED_RULES,
  negativesNow: { min: 0, integer: true },
  negativesTarget: { min: 0, integer: true },
  margin: { min: 0, max: 100, optional: true },
};

function validate<T extends Record<string, number | undefined>>(input: T, rules: Record<keyof T & string, TRule>): void {
  for (const [field, rule] of Object.entries(rules) as [keyof T & string, TRule][]) {
    const value = input[field];
    if (value === undefined && rule.optional) continue;
    const range = `${rule.minExclusive ? `more than ${rule.min}` : `${rule.min} or more`}${rule.max === undefined ? "" : ` and at most ${rule.max}`}`;
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (rule.minExclusive ? value > rule.min : value >= rule.min) &&
      (rule.max === undefined || value <= rule.max) &&
      (!rule.integer || Number.isInteger(value));
    if (!ok) throw new RoiInputError(field, `must be ${rule.integer ? "a whole number" : "a number"} ${range}, got ${value}`);
  }
}

const lifetimeValue = (input: TSeedRoiInput) => input.avgCheck * input.ordersPerYear * input.years;

export function seedRoi(input: TSeedRoiInput): TSeedRoi {
  validate(input, SEED_RULES);
  const ltv = lifetimeValue(input);
  const customers = (input.monthlyTraffic * input.conversion) / 100;
  const income = customers * ltv;
  return { ltv, customers, income, roi: (income / input.cost) * 100 };
}

export function mozRoi(input: TMozRoiInput): TMozRoi {
  validate(input, MOZ_RULES);
  const uplift = mozKeptShare(input.negativesTarget) / mozKeptShare(input.negativesNow) - 1;
  const customersPerYear = (input.monthlyTraffic * 12 * input.conversion) / 100;
  const extraCustomers = customersPerYear * uplift;
  const ltv = lifetimeValue(input);
  const income = extraCustomers * ltv * ((input.margin ?? 100) / 100);
  return {
    lossNow: mozLossPercent(input.negativesNow),
    lossTarget: mozLossPercent(input.negativesTarget),
    uplift,
    customersPerYear,
    extraCustomers,
    ltv,
    income,
    roi: (income / input.cost) * 100,
    roiNet: ((income - input.cost) / input.cost) * 100,
  };
}
