// Names of the labor calculators, shared by the server and the browser. A plain constant (no zod),
// so the calculators' page does not ship the validation library (decision 0012).
export const CALCULATORS = ["weekly-rest", "unpaid", "severance", "minimum"] as const;
export type CalculatorName = (typeof CALCULATORS)[number];
