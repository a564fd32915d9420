// The sample course outline of the report tests: test/unit/report.test.ts counts its figures by
// hand, test/cli/report.test.ts checks the writers' output on it. One copy, so that both always
// speak of the same outline.
export const SAMPLE_OUTLINE = `# Onboarding

## Module 1

By the end of this module, participants will be able to:

- **LO1:** Configure the VPN client within 10 minutes.
- **LO2:** Understand the password policy.
- **LO3:** Design a phishing drill for their team that meets the security checklist.

### Success measures

- VPN tickets fall from 120 to 40 a month within 90 days (LO1).
- 95% of staff complete the course.

## Module 2

### Learning objectives

- Identify three signs of a phishing email.

### Outcomes

- Reported phishing emails rise by 50% by Q3.
`;
