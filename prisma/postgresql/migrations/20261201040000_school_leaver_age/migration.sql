-- Job Wings opens to high-school leavers: the age a person reaches during the calendar year.
ALTER TABLE "EligibilityCriteria" ADD COLUMN     "minYearAge" INTEGER;
