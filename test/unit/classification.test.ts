// Table-driven classification: objectives and outcomes written for these tests (not taken from
// the corpus), in the phrasing of corporate training, nursing, software, customer service and
// university syllabi. Each case is built as a one-item outline and the analysis is read from
// the model. Cases the engine gets wrong stay, marked `todo` with the reason, for the lead.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Workspace,
  applyEdits,
  buildOutline,
  type BloomLevel,
  type KirkpatrickLevel,
} from '../../server/src/core/index.js';

type L = BloomLevel | null;
/** text, vague, Bloom level, criterion present, compound, todo reason */
type ObjectiveCase = [string, boolean, L, boolean, boolean, string?];

const OBJECTIVES: ObjectiveCase[] = [
  // Corporate training
  [
    'Configure the VPN client on a company laptop in under 10 minutes.',
    false,
    'apply',
    true,
    false,
  ],
  // "Understand how to X", "Learn how to X": vague, at the level of X (issue 12).
  ['Understand how to configure the VPN client.', true, 'apply', false, false],
  // "Use ratio and rate reasoning" (a grade 6 mathematics standard): a word before a noun of
  // reasoning or thinking modifies it, no second behaviour ("rate" is a verb elsewhere).
  ['Use ratio and rate reasoning to solve real-world problems.', false, 'apply', false, false],
  ['Collect survey data and rate the reliability of each source.', false, 'evaluate', false, true],
  ['Understand the benefits of multi-factor authentication.', true, null, false, false],
  ['Know the password policy.', true, null, false, false],
  ['Be familiar with the expenses system.', true, null, false, false],
  ['Be aware of the clear-desk rule.', true, null, false, false],
  ['Appreciate the importance of data protection.', true, null, false, false],
  ['Gain an understanding of the sales pipeline.', true, null, false, false],
  // An intuition, a feel or a sense gained is an inner state too (a MOOC week's objectives).
  ['Gain an intuition for the decision boundary.', true, null, false, false],
  ['Develop a feel for how many clusters a data set holds.', true, null, false, false],
  ['Build a sense of scale for cloud costs.', true, null, false, false],
  ['Learn about the new CRM.', true, null, false, false],
  ['Have a working knowledge of Excel pivot tables.', true, null, false, false],
  ['Identify at least 8 of 10 phishing emails in a sample inbox.', false, 'remember', true, false],
  ['List the four rules of the password policy without notes.', false, 'remember', true, false],
  // Made or done to a named standard or to specification (a culinary module, a welding course):
  // the degree. Not a standard that is the object ("Compare the menu to the standards of ...",
  // "Convert the equation to standard form"), nor an unnamed one (the labelled sets).
  ['Prepare white and brown veal stocks to the standards of the ACF.', false, 'apply', true, false],
  ['Cut vegetables into a brunoise to specification.', false, 'apply', true, false],
  ['Weld a butt joint to AWS D1.1 standards.', false, 'apply', true, false],
  ["Fold the napkins to the restaurant's standard.", false, 'apply', false, false],
  ['Construct fire line to required standards.', false, 'create', false, false],
  ['Summarize where to find OSHA standards in the CFR.', false, 'understand', false, false],
  ['Convert the quadratic equation to standard form.', false, 'understand', false, false],
  ['Compare the menu to the standards of the ACF.', false, 'analyze', false, false],
  ['Propose changes to the standards of practice.', false, 'create', false, false],
  // Relabelled apply (was remember, the verb lists' level of "report"): reporting an incident
  // or a suspicious email through a set channel is a procedure, as the real sets' labellers read
  // it ("When feeling ill, report symptoms to person-in-charge": apply, held-out-real.json).
  ['Identify and report a suspicious email within 10 minutes.', false, 'apply', true, true],
  ['Report a near miss using the site incident form.', false, 'apply', false, false],
  [
    'Lock a workstation every time they leave the desk, in 10 of 10 spot checks.',
    false,
    'apply',
    true,
    false,
  ],
  [
    'Demonstrate the kinetic lifting technique, meeting all items of the observation checklist.',
    false,
    'apply',
    true,
    false,
  ],
  [
    'Plan a two-person lift of a 40 kg load, following the site procedure.',
    false,
    'create',
    true,
    false,
  ],
  ['Use the CRM to log a call.', false, 'apply', false, false],
  [
    'Complete a risk assessment for a new workstation according to the company template.',
    false,
    'apply',
    true,
    false,
  ],
  [
    'Employees will be able to explain the escalation process in under 2 minutes.',
    false,
    'understand',
    true,
    false,
  ],
  [
    'By the end of this module, participants will be able to classify incidents by severity with 90% accuracy.',
    false,
    'understand',
    true,
    false,
  ],
  [
    'By the end of the day, learners will be able to log a call in the CRM within 2 minutes.',
    false,
    'apply',
    true,
    false,
  ],
  ['Demonstrate an understanding of GDPR.', true, null, false, false],
  ['Enrol a phone in multi-factor authentication in under 5 minutes.', false, 'apply', true, false],
  ["Revoke a leaver's access within 24 hours of their last day.", false, 'apply', true, false],
  [
    'Forward a suspicious email to the security mailbox within 5 minutes.',
    false,
    'apply',
    true,
    false,
  ],
  // Nursing
  [
    'Calculate an IV infusion rate from a prescription without errors.',
    false,
    'apply',
    true,
    false,
  ],
  ['Recognise the early signs of sepsis in 9 of 10 case studies.', false, 'remember', true, false],
  ['Recognize the importance of hand hygiene.', true, null, false, false],
  ['Administer subcutaneous insulin following the trust protocol.', false, 'apply', true, false],
  ['Document a fluid balance chart without omissions.', false, 'apply', true, false],
  // A task-condition-standard objective's "Action:" labels its behaviour (not a plan's actions).
  ['Action: Explain current training management doctrine.', false, 'understand', false, false],
  // A shift, an audit, a flight with none of its faults: a degree.
  [
    'Operate a forklift for a full shift with no safety violations recorded by the supervisor.',
    false,
    'apply',
    true,
    false,
  ],
  [
    'Complete a pre-flight check with zero deviations from the checklist.',
    false,
    'apply',
    true,
    false,
  ],
  ['Escalate a NEWS2 score of 5 or more within 15 minutes.', false, 'apply', true, false],
  [
    "Assess a patient's pressure-ulcer risk using the Waterlow score.",
    false,
    'evaluate',
    false,
    false,
  ],
  // "the five rights": all of a named set, completeness (as "Describe the four stages" in
  // held-out.json); a count of what learners are given is not ("Join three data frames").
  [
    'Explain the five rights of medication administration to a student nurse.',
    false,
    'understand',
    true,
    false,
  ],
  ['Join three data frames on a shared key.', false, 'apply', false, false],
  ['Prioritise five support tickets by business impact.', false, 'evaluate', false, false],
  ['Nurses will understand the sepsis six bundle.', true, null, false, false],
  [
    'Perform hand hygiene, meeting all items of the WHO five moments checklist.',
    false,
    'apply',
    true,
    false,
  ],
  [
    'Correctly identify the anatomical landmarks for an intramuscular injection.',
    false,
    'remember',
    false,
    false,
  ],
  [
    'Independently measure blood pressure with a manual sphygmomanometer.',
    false,
    'apply',
    true,
    false,
  ],
  [
    'Prioritise a caseload of six patients and justify the order to the ward sister.',
    false,
    'evaluate',
    false,
    true,
  ],
  ['Be able to complete an SBAR handover in under 3 minutes.', false, 'apply', true, false],
  // Software
  // Making a repository follows a procedure: apply (issue 12; Anderson & Krathwohl 2001).
  [
    'Create a Git repository for an existing project without assistance.',
    false,
    'apply',
    true,
    false,
  ],
  ['Create a repository and push it to GitHub without assistance.', false, 'apply', true, true],
  [
    'Write a unit test that fails before the fix and passes after it.',
    false,
    'apply',
    false,
    false,
  ],
  ['Write a function that passes all the provided test cases.', false, 'apply', true, false],
  ['Explain how to create and run a script.', false, 'understand', false, false],
  ['Compare and contrast merge and rebase.', false, 'analyze', false, false],
  // Debugging is finding a cause (troubleshoot, diagnose): analyze.
  ['Debug a failing test in under 15 minutes.', false, 'analyze', true, false],
  ['Refactor a 200-line function into functions of at most 20 lines.', false, 'apply', true, false],
  [
    "Design a REST API for a library system that meets the team's API guidelines.",
    false,
    'create',
    true,
    false,
  ],
  ['Install, configure and test the VPN client.', false, 'apply', false, true],
  ['Git worktrees instead of branches.', false, null, false, false],
  ['How to use the CRM?', false, null, false, false],
  ['Identifying merge conflicts in a pull request.', false, 'remember', false, false],
  ['Explains the difference between a process and a thread.', false, 'understand', false, false],
  ['Deploy a container to the staging cluster on the first attempt.', false, 'apply', true, false],
  [
    "Evaluate two logging libraries against the team's selection criteria.",
    false,
    'evaluate',
    true,
    false,
  ],
  [
    'Analyze a slow SQL query using EXPLAIN and reduce its run time by at least 50%.',
    false,
    'analyze',
    true,
    true,
  ],
  ['Add and remove rows or columns.', false, 'apply', false, true],
  ['Display basic properties of data frames.', false, 'apply', false, false],
  ['Understand the difference between a list and a vector.', true, null, false, false],
  // Customer service
  [
    'Greet a caller using the approved script in 10 of 10 recorded calls.',
    false,
    'apply',
    true,
    false,
  ],
  ['Resolve a password query on chat in under 5 minutes.', false, 'apply', true, false],
  ['De-escalate an angry caller without transferring the call.', false, 'apply', false, false],
  ['Handle a refund request without supervisor help.', false, 'apply', true, false],
  ['Know how to process a refund.', true, 'apply', false, false],
  ['Agents will learn how to tag a ticket.', true, 'apply', false, false],
  ['Learn how to tag a ticket.', true, 'apply', false, false],
  ['Answer a billing query by email within 4 hours.', false, 'remember', true, false],
  ['Summarise a customer complaint in no more than 50 words.', false, 'understand', true, false],
  [
    'Apologise to a customer and offer a goodwill credit, following the service recovery guide.',
    false,
    'apply',
    true,
    true,
  ],
  ['Feel comfortable with handling difficult customers.', true, null, false, false],
  // University syllabi
  [
    'Students will be able to calculate a p-value for a two-sample t-test without errors.',
    false,
    'apply',
    true,
    false,
  ],
  ['SWBAT solve a system of two linear equations.', false, 'apply', false, false],
  ['SWBAT: describe the causes of the First World War.', false, 'understand', false, false],
  ['TSWBAT compare two fractions with unlike denominators.', false, 'analyze', false, false],
  [
    'To critique a published research article using the CASP checklist.',
    false,
    'evaluate',
    false,
    false,
  ],
  ['To develop an appreciation for Renaissance art.', true, null, false, false],
  [
    'Learners will analyse the themes of a Shakespeare sonnet in an essay of at least 1,000 words.',
    false,
    'analyze',
    true,
    false,
  ],
  [
    'Students can distinguish between correlation and causation in 4 of 5 examples.',
    false,
    'analyze',
    true,
    false,
  ],
  ['Formulate a testable hypothesis for a given research question.', false, 'create', false, false],
  [
    'Write a 3,000-word literature review that scores at least 60% according to the course rubric.',
    false,
    'create',
    true,
    false,
  ],
  ['Justify the choice of statistical test in a lab report.', false, 'evaluate', false, false],
  // Hands-on verbs of trades, healthcare and programming lessons (the corpus has the last two)
  ['Return a value from a function.', false, 'apply', false, false],
  ['Re-run recently executed commands without retyping them.', false, 'apply', false, false],
  ['Suture a 3 cm laceration on a practice pad in under 10 minutes.', false, 'apply', true, false],
  ['Weld a lap joint that passes a bend test.', false, 'apply', true, false],
  ['Resuscitate an adult manikin following the 2021 guidelines.', false, 'apply', true, false],
  // "write" and "prepare": the level is what they make
  ['Write a SQL query that returns the ten largest invoices.', false, 'apply', false, false],
  ['Write unit tests for the parser module.', false, 'apply', false, false],
  [
    'Write a summary of the incident report for the ward manager.',
    false,
    'understand',
    false,
    false,
  ],
  ['Write a critique of a published clinical trial.', false, 'evaluate', false, false],
  ['Write short stories that use an unreliable narrator.', false, 'create', false, false],
  ['Prepare a business case for replacing the CRM.', false, 'create', false, false],
  ['Prepare the workstation before a sterile procedure.', false, 'apply', false, false],
  [
    'Differentiate between qualitative and quantitative data with 100% accuracy.',
    false,
    'analyze',
    true,
    false,
  ],
  ['Construct a phylogenetic tree from a set of DNA sequences.', false, 'create', false, false],
  ['Define the term opportunity cost from memory.', false, 'remember', true, false],
  [
    'Interpret a box plot, scoring at least 8 out of 10 on the quiz.',
    false,
    'understand',
    true,
    false,
  ],
  [
    'Upon completion of this course, students should be able to evaluate competing economic policies.',
    false,
    'evaluate',
    false,
    false,
  ],
  ['Grasp the fundamentals of thermodynamics.', true, null, false, false],
  ['Be exposed to a range of research methods.', true, null, false, false],
  // Finding risks, hazards, causes, bottlenecks in a situation is analysis; naming listed
  // things is remembering (issue 12: the object decides).
  ['Identify risks and hazards on a building site.', false, 'analyze', false, false],
  ['Identify the three fire exits on the floor plan.', false, 'remember', true, false],
  ['Identify the root cause of a failed deployment.', false, 'analyze', false, false],
  ['Identify use cases for a message queue.', false, 'understand', false, false],
  ['Describe the steps to plan and run a retrospective.', false, 'understand', false, false],
  ['Name three side effects of warfarin.', false, 'remember', true, false],
  ['Triage incoming tickets by priority in under 5 minutes each.', false, 'analyze', true, false],
  [
    'Participants should be able to set up a shared mailbox without assistance.',
    false,
    'apply',
    true,
    false,
  ],
  [
    'Merge duplicate customer records in the CRM in under 3 minutes, without errors.',
    false,
    'apply',
    true,
    false,
  ],
  [
    'Select an appropriate statistical test for a given data set in at least 4 of 5 scenarios.',
    false,
    'apply',
    true,
    false,
  ],
  [
    'Critically appraise a randomised controlled trial using a standard checklist.',
    false,
    'evaluate',
    false,
    false,
  ],
  [
    'Summarize the main arguments of a journal article in 200 words or fewer.',
    false,
    'understand',
    true,
    false,
  ],
  ['Describe the structure of a cell.', false, 'understand', false, false],
  ['Outline the stages of the software development lifecycle.', false, 'understand', false, false],
  [
    'Build a responsive landing page that passes all accessibility checks.',
    false,
    'apply',
    true,
    false,
  ],
  // The highest of its behaviours (issue 12).
  ['Select and justify an antibiotic for a given infection.', false, 'evaluate', false, true],
  ['Know about the fire evacuation procedure.', true, null, false, false],
  [
    'Thoroughly evaluate a business case against the investment criteria.',
    false,
    'evaluate',
    true,
    false,
  ],
  // Issue 12: errors a new user met on real outlines by other authors, labelled before the
  // reader changed. Every behaviour counts (the objective's level is the highest); the object
  // decides the sense of "create", "generate", "build"; a leading condition is set aside; a
  // verb an English lexicon knows reads as a behaviour of unknown level, never as no verb.
  ['Define and quantify the uncertainty of a measurement.', false, 'apply', false, true],
  ['Formulate and solve a linear programming problem.', false, 'apply', false, true],
  ['Create a remote repository on GitHub.', false, 'apply', false, false],
  ['Generate your own SSH key pair.', false, 'apply', false, false],
  ['Create aliases for frequently used Git commands.', false, 'apply', false, false],
  ['Create an original design for a book cover.', false, 'create', false, false],
  // "Reproduce" recalls from memory (remember), but reproducing a bug or an analysis follows
  // its steps (apply): an onboarding plan's objective.
  ['Reproduce a customer-reported bug in the staging environment.', false, 'apply', false, false],
  ['Replicate the published analysis from the shared data.', false, 'apply', false, false],
  ['Reproduce the periodic table from memory.', false, 'remember', true, false],
  // Praying, saying, chanting or writing a text from memory or by heart is recall (a faith
  // formation class); without it a prayer is a practice carried out (unknown verb, apply).
  ['Pray the Our Father from memory.', false, 'remember', true, false],
  ['Say the Act of Contrition by heart.', false, 'remember', true, false],
  ['Chant the Magnificat from memory.', false, 'remember', true, false],
  ['Write the Ten Commandments from memory.', false, 'remember', true, false],
  ['Pray the Rosary with the class.', false, 'apply', false, false],
  ['Perform the engine fire memory items from memory.', false, 'apply', true, false],
  // "Parse" a sentence is analysis; parsing JSON, a file or the command line in a program is a
  // procedure the lesson taught (apply).
  ['Parse JSON responses into pandas data frames.', false, 'apply', false, false],
  ['Parse command-line arguments with argparse.', false, 'apply', false, false],
  ['Parse the sentence into its clauses and phrases.', false, 'analyze', false, false],
  // "Separate" a mixture or a data column by a procedure is apply; separating fact from opinion
  // is analyze.
  ['separate one column into several with separate_wider_delim()', false, 'apply', false, false],
  ['Separate facts from opinions in a news article.', false, 'analyze', false, false],
  // "Report" facts is remember; reporting a concern, an incident or a near miss by the
  // procedure the training taught is apply (compliance and safety training).
  [
    'Report a concern through SpeakUp within 24 hours of becoming aware of it.',
    false,
    'apply',
    true,
    false,
  ],
  ["Report a near miss using the site's incident form.", false, 'apply', false, false],
  ['Report the main findings of the study.', false, 'remember', false, false],
  // Passing every rule of a named set is a standard met, also with the subject written out.
  [
    'Clean a customer data extract so that it passes all validation rules in the data quality checklist.',
    false,
    'apply',
    true,
    false,
  ],
  ['Write a function so that it passes the provided unit tests.', false, 'apply', true, false],
  // A level reached on a named scale is a degree.
  [
    'Run a coaching conversation using the GROW model, scored "proficient" on the observation rubric.',
    false,
    'apply',
    true,
    false,
  ],
  [
    'Present the case, rated competent or above against the assessment checklist.',
    false,
    'apply',
    true,
    false,
  ],
  // Completeness and safety margins that are degrees: all defects found, no contact made.
  [
    'Complete the pre-use inspection of a forklift, identifying all defects.',
    false,
    'apply',
    true,
    false,
  ],
  ['Reverse the van into the bay without contact with any barrier.', false, 'apply', true, false],
  ['Lift the pallet without damage to the load.', false, 'apply', true, false],
  ['Become familiar with R code chunks, and understand their purpose.', true, null, false, true],
  [
    'with a partner, experiment with three chart types for the same data set.',
    false,
    'apply',
    false,
    false,
  ],
  ['Given a CSV of sales, build a bar chart of revenue by month.', false, 'apply', false, false],
  ['Using the style guide, edit a press release.', false, 'apply', false, false],
  [
    'In groups of three, design a poster that summarises a research paper.',
    false,
    'create',
    false,
    false,
  ],
  // Verbs outside the Bloom lists read as apply (a procedure), with an unknown-verb hint.
  ['Subset a data frame by rows and columns.', false, 'apply', false, false],
  ['Skip the header row when reading a CSV file.', false, 'apply', false, false],
  ['Preview a Quarto document in the browser.', false, 'apply', false, false],
  ['Stack two data frames vertically.', false, 'apply', false, false],
  ['Setup a Python virtual environment.', false, 'apply', false, false],
  ['Set up SSH access to the cluster.', false, 'apply', false, false],
  ['Lock the till every time you leave it.', false, 'apply', true, false],
  ['Cut a board to length within 5 cm of the marked line.', false, 'apply', true, false],
  ['Pack a first-aid kit without missing an item.', false, 'apply', true, false],
  // Zero errors stated with "has no" and harm avoided by striking or tipping (a forklift
  // course, a driving test); a means done without stays a condition.
  ['Edit a press release so that it has no errors of fact or style.', false, 'apply', true, false],
  [
    'Drive the forklift through the course without striking any marker.',
    false,
    'apply',
    true,
    false,
  ],
  ['Reverse the van into the bay without hitting the cones.', false, 'apply', true, false],
  ['Solve the equations without using a calculator.', false, 'apply', false, false],
  ['Demonstrate a bowline knot on each attempt.', false, 'apply', true, false],
  ['Measure the width of a room to within 10% of its true value.', false, 'apply', true, false],
  [
    'Complete the pre-flight inspection, covering all items of the checklist.',
    false,
    'apply',
    true,
    false,
  ],
  ['Format a bibliography according to the style guide.', false, 'apply', true, false],
  // Scores with a floor, and standards whose code has a letter part (a new user's outline).
  [
    'Resolve a customer complaint using the LEAP model with a satisfaction score of 4/5 or higher.',
    false,
    'apply',
    true,
    false,
  ],
  ['Complete the safety quiz with a grade of B or better.', false, 'apply', true, false],
  ['Name three or more causes of soil erosion.', false, 'remember', true, false],
  ['Solder a through-hole joint to IPC-A-610 Class 2.', false, 'apply', true, false],
  ['Test a sample for tensile strength to ASTM D638.', false, 'apply', true, false],
  ['Explain what a credit score of 700 means to a lender.', false, 'understand', false, false],
  ['Describe the ISO 9001 quality management principles.', false, 'understand', false, false],
  ['Write a function that passes the provided tests.', false, 'apply', true, false],
  // A clinical algorithm followed is a standard; a body's name in brackets stands in its name.
  [
    'Respond to an anaphylactic reaction following the Resuscitation Council (UK) algorithm.',
    false,
    'apply',
    true,
    false,
  ],
  ['Escalate a deteriorating patient following the sepsis algorithm.', false, 'apply', true, false],
  ['Explain the steps of the algorithm.', false, 'understand', false, false],
  ['Learn what SSH is.', true, null, false, false],
  ['Learn how to use your SSH key.', true, 'apply', false, false],
  // "Get comfortable" + a gerund: the gerund is the behaviour meant, as after "learn about".
  ['Get comfortable reading API docs.', true, 'understand', false, false],
  ['Feel confident using the terminal.', true, 'apply', false, false],
  [
    'Explain what security means and understand common types of security requirements.',
    true,
    'understand',
    false,
    true,
  ],
  ['Identify and diagram program logic models.', false, 'analyze', false, true],
  ['Learn to create Git repositories and make commits.', true, 'apply', false, true],
  // "How to" is procedural: apply, whatever the verb's own level (issue 12).
  ['Learn how to inspect the project history.', true, 'apply', false, false],
  ['How to check stock levels from the warehouse app', true, 'apply', false, false],
  // The object decides: a function defined, a model built, feedback given.
  ['Define a function that returns the mean of a vector.', false, 'apply', false, false],
  // Words in quotes name a term to define, not a thing made in code.
  ['Define "independent variable" and "dependent variable".', false, 'remember', false, false],
  // Combining what a tool gives by its procedure is apply; combining ideas into a whole, create.
  ['Combine sequences of commands to get new output', false, 'apply', false, false],
  ['Compose a pipeline of three filters.', false, 'apply', false, false],
  [
    'Combine findings from three studies into an original framework.',
    false,
    'create',
    false,
    false,
  ],
  ['Define the term “data type” in your own words.', false, 'remember', false, false],
  ['Build a classification model in scikit-learn.', false, 'apply', false, false],
  ['Give feedback to a peer on a draft essay.', false, 'apply', false, false],
  ['Give two examples of renewable energy sources.', false, 'understand', true, false],
  ['Problem-solve and create innovative answers to client requests.', false, 'create', false, true],
  // A noun in place of the verb is vague; its level is the verb's (the fix says so).
  ['Knowledge of basic statistics.', true, null, false, false],
  ['Identification of the unit of observation in a data set.', true, null, false, false],
  // Criteria named as a standard's code, a tolerance, a budget.
  ['Wire a socket outlet to BS 7671.', false, 'apply', true, false],
  ['Cut a mitre joint with gaps under 1 mm.', false, 'apply', true, false],
  ['Deliver the project within the approved budget.', false, 'apply', true, false],
  // The highest known level: identifying threats is analysis ("mitigate" has no level).
  [
    'Summarize key threats, identify these threats in evaluations, and mitigate them.',
    false,
    'analyze',
    false,
    true,
  ],
  ['Summarize the control of data and access to it.', false, 'understand', false, false],
  // Issue 12, third pass: patterns of the misses on all four labelled sets, labelled before the
  // reader changed. A verb outside the Bloom lists, acting on something, is a procedure: apply.
  ['Stream sensor data from an S3 bucket into a data frame.', false, 'apply', false, false],
  ['Conjugate irregular verbs in the past tense.', false, 'apply', false, false],
  ['Chair a project board meeting.', false, 'apply', false, false],
  ['Ensure every patient wears an identity band.', false, 'apply', false, false],
  ["Enhance a photo's contrast in GIMP.", false, 'apply', false, false],
  // Vague phrases with words between their parts.
  ['Have a solid understanding of probability.', true, null, false, false],
  ['Have a basic awareness of fire safety law.', true, null, false, false],
  ['Demonstrate a working knowledge of spreadsheets.', true, null, false, false],
  ['Develop beginning proficiency in wound care.', true, null, false, false],
  // A second behaviour after a vague one, and an infinitive after "and to".
  [
    'Understand the fire triangle and apply it to choose an extinguisher.',
    true,
    'apply',
    false,
    true,
  ],
  [
    'Students will be able to read a balance sheet and to compare two years of accounts.',
    false,
    'analyze',
    false,
    true,
  ],
  // Supporting a person to do something is carrying out care: apply.
  ['Support a patient to walk with a frame.', false, 'apply', false, false],
  // A question in place of an objective asks for an explanation: vague, meant understand.
  ['What is data security?', true, null, false, false],
  ['Why is version control important?', true, null, false, false],
  ['How does DNS resolve a name?', true, null, false, false],
  // A leading condition with commas of its own; a serial comma in a list of hands-on verbs.
  ['Given a laptop, a headset and a login, join a video call.', false, 'apply', false, false],
  [
    'Given a fluid chart for a patient in Leeds, England, calculate the fluid balance.',
    false,
    'apply',
    false,
    false,
  ],
  ['Cut, ream, and thread steel pipe.', false, 'apply', false, true],
  // Learner-statement frames of programme and K-12 outcomes: the behaviour after the frame is
  // read as if the frame were not there (issue 12, fourth pass).
  [
    'Graduates will analyse the financial statements of a small business.',
    false,
    'analyze',
    false,
    false,
  ],
  ['Nursing majors will be capable of calculating a drug dose.', false, 'apply', false, false],
  [
    'The history minor will be proficient in interpreting primary sources.',
    false,
    'understand',
    false,
    false,
  ],
  ['The graduate will be proficient in understanding spoken French.', true, null, false, false],
  ['Ability to design a relational database for a small shop.', false, 'create', false, false],
  ['An ability to function on multidisciplinary teams.', false, 'apply', false, false],
  // Gerund objectives in a series read as their verbs.
  ['Identifying, describing and comparing the parts of a flower.', false, 'analyze', false, true],
  ['Explaining and comparing two models of memory.', false, 'analyze', false, true],
  // A vague verb inside a series of behaviours is still vague; an adverb before the last verb
  // of a series, and "Demonstrate the ability to" before it, do not end the series.
  ['Read, understand and follow the site rules.', true, 'apply', false, true],
  [
    'Staff will understand and be able to apply the lone-working policy.',
    true,
    'apply',
    false,
    true,
  ],
  [
    'Demonstrate the ability to locate, appraise and summarise research evidence.',
    false,
    'evaluate',
    false,
    true,
  ],
  [
    'Identify, explain, and critically compare two theories of motivation.',
    false,
    'analyze',
    false,
    true,
  ],
  // "Demonstrate comprehension of", "demonstrate a sense of": an inner state, meant understand.
  ['Demonstrate comprehension of the rules of cricket.', true, null, false, false],
  ['Demonstrate a basic comprehension of fractions.', true, null, false, false],
  ['Demonstrate a sense of how maps shape politics.', true, null, false, false],
  ['Show comprehension of a short story.', true, null, false, false],
  // Degrees real authors write: "with few errors", "aligned with state standards", "as judged
  // (to be effective) by", "include every". A topic that mentions standards is no degree.
  ['Label the bones of the hand with few errors.', false, 'remember', true, false],
  ['Write a unit plan aligned with state standards.', false, 'create', true, false],
  [
    'Design a poster campaign, as judged effective by a panel of nurses.',
    false,
    'create',
    true,
    false,
  ],
  ['Plan a weekly menu that includes every food group.', false, 'create', true, false],
  ['Explain how standards are aligned with curriculum goals.', false, 'understand', false, false],
  // "Improve/Develop/Build ... skills" with no behaviour names a wish, not a behaviour.
  ['Improve public speaking skills.', true, null, false, false],
  ['Develop research skills.', true, null, false, false],
  ['Build their academic writing skills.', true, null, false, false],
  ['Develop a lesson plan that builds reading skills.', false, 'create', false, false],
  [
    'Develop a training programme to improve staff communication skills.',
    false,
    'create',
    false,
    false,
  ],
  // Fifth pass. Teacher-voice aims are vague; a verb the learner performs on a person or a
  // thing stays a behaviour ("Provide first aid", "Give the class a presentation").
  ['To obtain a clear understanding of inflation.', true, null, false, false],
  ['Provide learners with a firm grounding in phonics.', true, null, false, false],
  ['To give trainees an overview of the warehouse layout.', true, null, false, false],
  ['This unit aims to help apprentices understand load calculations.', true, null, false, false],
  ['Provide first aid to a casualty.', false, 'apply', false, false],
  ['Introduce a guest speaker to the audience.', false, 'apply', false, false],
  ['Prepare students for clinical placement.', false, 'apply', false, false],
  ['Give the class a presentation on your project.', false, 'apply', false, false],
  // A learner subject in the present: a Bloom verb is the behaviour; arrangements are not.
  ['Students solve two-step equations.', false, 'apply', false, false],
  [
    'The learner explains the purpose of a fire risk assessment.',
    false,
    'understand',
    false,
    false,
  ],
  ['We meet every Tuesday.', false, null, false, false],
  ['Students work in pairs on the lab.', false, null, false, false],
  // Topics written as clauses are vague; the course's own plan is not a topic.
  ['What a hash function is', true, null, false, false],
  ['What we will do today', false, null, false, false],
  // Adverbs before the verb, third-person series, verbs sharing an object.
  ['Calmly and clearly de-escalate an angry caller.', false, 'apply', false, false],
  ['Selects and fits the correct drill bit.', false, 'apply', false, true],
  ['create, push to, and pull from a remote repository', false, 'apply', false, true],
  // Sixth pass (passive performance criteria: the unit of competency below). A learner
  // subject with no modal or with "can"; "have the ability to X" is X; "develop competence in
  // X-ing" is vague, at X's level. "Graduates find employment" is a result, not a behaviour.
  ['Wound dressings are applied using aseptic technique.', false, 'apply', false, false],
  ['Graduates design and evaluate irrigation systems.', false, 'create', false, true],
  ['Nurses can calculate drug dosages.', false, 'apply', false, false],
  ['Apprentices excel in diagnosing and repairing engine faults.', false, 'analyze', false, true],
  ['have the ability to solve quadratic equations.', false, 'apply', false, false],
  ['To develop competence in writing business letters.', true, 'apply', false, false],
  ['Students are introduced to contract law.', true, null, false, false],
  ['Graduates find employment in many sectors.', false, null, false, false],
  // Eighth pass (held-out-6.json's kinds, docs/agreement.md), in other wording. Standards met:
  // a manual, a style sheet, a codebook; completeness against a list or form; a tolerance in a
  // unit of the trade; an outcome avoided ("without damaging"). Not a degree: a choice among N
  // things, the length of the material worked on, "the following diagram".
  ['Format a magazine spread in line with the house style sheet.', false, 'apply', true, false],
  ['Tag interview transcripts as set out in the team codebook.', false, 'apply', true, false],
  ["Install the boiler flue according to the installer's manual.", false, 'apply', true, false],
  ['Pack all items on the kit list before the expedition.', false, 'apply', true, false],
  ['Tune each string to within three cents of the reference pitch.', false, 'apply', true, false],
  ['Repot a seedling without damaging its roots.', false, 'apply', true, false],
  ['Allocate a new patient to one of four triage categories.', false, 'apply', false, false],
  ['Proofread a 2,000-word grant application for spelling errors.', false, 'apply', false, false],
  ['Draft a 600-word press release announcing a new product.', false, 'create', true, false],
  ['Label the parts of the following diagram.', false, 'remember', false, false],
  // A make-verb whose product follows given instructions, a kit or plans is apply; an original
  // product stays create. Senses by object: developing film, weighing out, drawing up a dose,
  // finding a value, recording a narration, writing a sonnet.
  ["Assemble a bookcase from the manufacturer's instructions.", false, 'apply', false, false],
  [
    'Build a birdhouse by following the plans in the workshop handout.',
    false,
    'apply',
    false,
    false,
  ],
  ['Construct a kite from a kit.', false, 'apply', false, false],
  ['Build an original kinetic sculpture from scrap materials.', false, 'create', false, false],
  ['Develop a theory of change from interview data.', false, 'create', false, false],
  ['Develop colour negatives in the darkroom.', false, 'apply', false, false],
  ['Weigh out the ingredients for a sponge cake.', false, 'apply', false, false],
  ['Draw up insulin into a syringe.', false, 'apply', false, false],
  ['Find the area of a trapezium.', false, 'apply', false, false],
  ['Record a narration for a museum audio guide.', false, 'apply', false, false],
  ['Write a sonnet about a city at night.', false, 'create', false, false],
  ['Produce a packing list for a field expedition.', false, 'apply', false, false],
  // Converting numbers, units or quantities is a calculation (apply); "a roll of", "a batch of"
  // name a quantity of the object.
  ['Convert a temperature from Fahrenheit to Celsius.', false, 'apply', false, false],
  ['Convert fractions to decimals.', false, 'apply', false, false],
  ['Develop a reel of 16 mm cine film.', false, 'apply', false, false],
  ['Produce a batch of labels for the sample jars.', false, 'apply', false, false],
  // A heading-like pair of words that are also English verbs stays a topic.
  ['Table and figure placement', false, null, false, false],
  // Vague phrases in other words: "know about", "be conversant with", "come to understand".
  ['Know about the dangers of carbon monoxide.', true, null, false, false],
  ['Be conversant with the rules of cricket.', true, null, false, false],
  ['Come to understand the causes of inflation.', true, null, false, false],
  // A verb written with its accent ("Flambé", "Sauté") is the verb.
  ['Flambé a crêpe at the table.', false, 'apply', false, false],
  // Genre trials (course-marketplace "What you'll learn"): "like" after a comma introduces
  // examples, not a behaviour; "a complete / an extensive understanding" is still vague.
  ['Use pandas methods, like the groupby and merge methods.', false, 'apply', false, false],
  ['Build a complete understanding of Kubernetes networking.', true, null, false, false],
  ['Gain an extensive understanding of tax law.', true, null, false, false],
  // A participle and an adjective before one noun ("missing and duplicate values") are not
  // two behaviours; a gerund object and a verb with its own object are.
  [
    'Identify missing and duplicate entries in the patient register.',
    false,
    'remember',
    false,
    false,
  ],
  ['Practise touch typing and record your speed.', false, 'apply', false, true],
  // A workplace time limit: "before the end of the shift"; "By the end of the day," first is a
  // lead-in, not a degree.
  ['Hand over every open ticket before the end of the shift.', false, 'apply', true, false],
  ['By the end of the day, describe the permit-to-work system.', false, 'understand', false, false],
  // A passive criterion's second participle after a phrase of the first ("simulated in SPICE
  // and compared against ..."): the participle has no object, its object is the subject.
  [
    'Filter circuits are simulated in SPICE and compared against the design specification.',
    false,
    'analyze',
    true,
    true,
  ],
  // Ninth pass: recognising a relation or a reason (the advantages, limitations, differences,
  // causes or significance of X) is understanding it; recognising signs, calls or names
  // stays remember.
  ['Recognize the advantages of crop rotation.', false, 'understand', false, false],
  ['Recognise the limitations of self-report questionnaires.', false, 'understand', false, false],
  ['Recognize the differences between weather and climate.', false, 'understand', false, false],
  ['Recognise the causes of soil erosion on hill farms.', false, 'understand', false, false],
  ['Recognize the significance of the Treaty of Waitangi.', false, 'understand', false, false],
  ['Recognise the warning signs of hypothermia.', false, 'remember', false, false],
  ['Recognize common bird calls.', false, 'remember', false, false],
  // Ninth pass: inspecting equipment or work is a step of a procedure (apply), as the trades
  // write it; inspecting evidence or an argument is still analysis.
  ['Inspect the handrails of a scaffold before use.', false, 'apply', false, false],
  ['Inspect a chimney flue for blockages.', false, 'apply', false, false],
  ['Inspect welds for porosity and undercut.', false, 'apply', false, false],
  ['Inspect the evidence for a historical claim.', false, 'analyze', false, false],
  // Defining goals, objectives or the scope of a piece of work sets them (apply); defining a
  // term stays remember.
  ['Define measurable goals for a fitness client.', false, 'apply', false, false],
  ['Define the scope of a kitchen refit project.', false, 'apply', false, false],
  ['Define the term osmosis.', false, 'remember', false, false],
  // Ninth pass: programme outcomes that describe the graduate ("The graduate is a reflective
  // practitioner who evaluates ...") and competency statements with "is / are skilled at",
  // "proficient in", "competent in" before a gerund state their behaviours after the frame.
  [
    'The graduate is a reflective practitioner who evaluates their own teaching.',
    false,
    'evaluate',
    false,
    false,
  ],
  [
    'The graduate is a safe practitioner who calculates drug doses and administers medicines.',
    false,
    'apply',
    false,
    true,
  ],
  ['Is skilled at calculating change in a shop.', false, 'apply', false, false],
  [
    'Apprentices are competent in measuring and cutting skirting boards.',
    false,
    'apply',
    false,
    true,
  ],
  // Ninth pass: identifying features, structure or devices in given material (a text, a film,
  // a workflow, a painting) is analysis; identifying named things stays remember.
  ['Identify persuasive devices in a political speech.', false, 'analyze', false, false],
  [
    'Identify recurring motifs and narrative structure in silent films.',
    false,
    'analyze',
    false,
    false,
  ],
  ['Identify wasteful steps in your own data-entry workflow.', false, 'analyze', false, false],
  ['Identify the bones of the lower limb.', false, 'remember', false, false],
  ['Identify what to do in case of a gas leak.', false, 'remember', false, false],
  ['Identify key terms and use them in an essay.', false, 'apply', false, true],
  // The material is the last noun of its phrase: "in the work area" names a place.
  ['Identify the fire exits in the work area.', false, 'remember', false, false],
  // Ninth pass: reviewing course content (the rules, the steps, the key concepts) is going over
  // it to understand it; reviewing someone's work or a budget is still a judgement.
  ['Review the rules of netball before the tournament.', false, 'understand', false, false],
  ['Review the key concepts of thermodynamics from unit one.', false, 'understand', false, false],
  ['Review the basic steps of bread making.', false, 'understand', false, false],
  ["Review a colleague's lab report.", false, 'evaluate', false, false],
  ['Review the project budget against actual spending.', false, 'evaluate', false, false],
  // Tenth pass (held-out-7.json's kinds, docs/agreement.md), in other wording. Near-synonyms
  // joined before one object ask for one behaviour; distinct verbs joined stay two.
  ['Explain and describe how a heat pump moves heat.', false, 'understand', false, false],
  ['Compare and differentiate a lease and a licence.', false, 'analyze', false, false],
  ['Select and choose a grit for sanding oak.', false, 'apply', false, false],
  ["Assess and critique a peer's lesson plan.", false, 'evaluate', false, false],
  ['Name and label the chambers of the heart.', false, 'remember', false, false],
  ['Read and interpret a wiring diagram for a garage.', false, 'understand', false, false],
  ['Test and check an earth-leakage breaker.', false, 'apply', false, false],
  ['Identify and describe the parts of a loom.', false, 'understand', false, true],
  ['Design and build a compost bin.', false, 'create', false, true],
  ['Select and justify a research design for a pilot study.', false, 'evaluate', false, true],
  // A means verb whose purpose is two distinct actions asks for both; one purpose stays one.
  ['Use a word processor to format and print a letter.', false, 'apply', false, true],
  ['Use a tape measure to measure and mark a stud wall.', false, 'apply', false, true],
  ['Use a thermometer to check the core temperature of a roast.', false, 'apply', false, false],
  // A modal repeated after "and", a second sentence that starts with a verb, and a quantity
  // ("at least", a bare count: a criterion, as the labelled sets read it) after a later verb
  // each state a further behaviour.
  [
    'Trainees will sharpen a chisel on a whetstone, and will hone it on a leather strop.',
    false,
    'apply',
    false,
    true,
  ],
  ['Splice a three-strand rope. Whip the end of the rope with twine.', false, 'apply', false, true],
  [
    'Describe the water cycle of a wetland and explain at least two of its threats.',
    false,
    'understand',
    true,
    true,
  ],
  ['Format the report as the style guide says. e.g. Use headings.', false, 'apply', false, false],
  // A standard artefact of programming or a trade, made by a known procedure, is apply; an
  // original one stays create.
  ['Build an API that lists the opening hours of a gym.', false, 'apply', false, false],
  ['Create a dropdown navigation menu for a portfolio site.', false, 'apply', false, false],
  ['Create a Harvard-style citation for a journal article.', false, 'apply', false, false],
  ['Construct a ring final circuit on a practice rig.', false, 'apply', false, false],
  ['Create an original board game about river ecosystems.', false, 'create', false, false],
  // Determining a quantity is carrying out a procedure; determining a cause or a verdict is not.
  ['Determine the specific gravity of a wort sample.', false, 'apply', false, false],
  ['Determine the grid reference of a trig point from a map.', false, 'apply', false, false],
  ['Determine the root causes of a drop in sales.', false, 'analyze', false, false],
  // "knowledge in" is stated vaguely, as "knowledge of" is.
  ['Demonstrate knowledge in food hygiene regulations.', true, null, false, false],
  // A noun of an inner state in a list of what a behaviour attends to is part of the list; a
  // vague verb or phrase after "and" is a behaviour of its own.
  [
    'Prepare a hospital bed, paying attention to comfort, infection control and knowledge of the ward routine.',
    false,
    'apply',
    false,
    false,
  ],
  ['Label a wiring diagram and understand its symbols.', true, 'remember', false, true],
  // Eleventh pass: verbs only the English lexicon knows, joined at the start ("Transmit and
  // receive ...", "Prevent, control and fight ..."), are behaviours when a clause follows the
  // last (two words or more, an article, or a full stop), not a topic; a verb and a noun joined
  // before a bare noun still name one ("Search and rescue operations").
  ['Hoist, lower and stow the mainsail.', false, 'apply', false, true],
  ['Hail and relay messages by semaphore', false, 'apply', false, true],
  ['Rake, scarify and overseed a worn lawn in autumn', false, 'apply', false, true],
  ['Forage and preserve wild mushrooms for the kitchen', false, 'apply', false, true],
  // Dividing numbers is a calculation (apply), as adding and multiplying them are; dividing a
  // whole into its parts stays analyze.
  ['Divide mixed numbers by whole numbers.', false, 'apply', false, false],
  ['Multiply and divide fractions using a number line.', false, 'apply', false, true],
  ['Divide a business process into its component activities.', false, 'analyze', false, false],
  ['Heat, light and sound energy sources', false, null, false, false],
  ['Taste, smell and touch receptors', false, null, false, false],
  // Fourteenth pass: a standards code printed before the objective with no colon or dash (K-12
  // standards, curriculum documents) is set aside when a behaviour follows, as "PLO #3:" is; a
  // version number in a topic is not a code before a behaviour.
  ['5.NF.4 Multiply a fraction by a whole number.', false, 'apply', false, false],
  ['SPI 0706.3.2 Solve two-step linear equations.', false, 'apply', false, false],
  [
    'MS-ESS1-3 Analyze and interpret data to determine scale properties of objects in the solar system.',
    false,
    'analyze',
    false,
    true,
  ],
  ['Python 3.12 release notes', false, null, false, false],
  // An adverb of degree without -ly before the verb ("Further", "better", "more fully") is not
  // the verb; "Further the aims" and "Better outcomes" keep their first word. An adjective in
  // -ly that starts a noun phrase ("Weekly ...", "Daily ...") is no adverb before a verb.
  ['Better explain dosage changes to patients.', false, 'understand', false, false],
  ['To further analyze the survey results by region.', false, 'analyze', false, false],
  ['To better understand the causes of soil erosion.', true, null, false, false],
  ['Monthly fire door inspections', false, null, false, false],
  ['Weekly, clean the extraction hood filters.', false, 'apply', false, false],
  // A standard artefact made by a taught procedure (equivalent fractions, a search string) is
  // apply; finding or locating information, sources or articles is accessing it by a search
  // (apply); finding common factors is computing them. A plan and a place on a map stay.
  ['Generate equivalent ratios using a ratio table.', false, 'apply', false, false],
  ['Develop a search string for a literature database.', false, 'apply', false, false],
  ['Locate peer-reviewed articles in the library catalogue.', false, 'apply', false, false],
  ['Find the common factors of two whole numbers.', false, 'apply', false, false],
  ['Locate the major rivers of Europe on a map.', false, 'remember', false, false],
  ['Develop a marketing plan for a small bakery.', false, 'create', false, false],
  // Adjectives of any kind between a vague phrase's parts ("demonstrate historical knowledge
  // of", "a theoretical and practical understanding of"), as degree words were; "Demonstrate
  // safe handling of" names a behaviour.
  ['Demonstrate anatomical knowledge of the canine skeleton.', true, null, false, false],
  [
    'Demonstrate a theoretical and technical understanding of load-bearing walls.',
    true,
    null,
    false,
    false,
  ],
  ['Demonstrate safe handling of laboratory glassware.', false, 'apply', false, false],
  // Fifteenth pass: recognizing that something holds, or how it works, and recognizing the
  // issues, considerations, challenges, situations or factors of a case is constructing meaning
  // (understand), as recognizing its causes and limitations already was; recognizing signs,
  // symbols and terms stays recall, and "how to" + a verb is a procedure, not a clause.
  ['Recognize that heat flows from warmer to cooler objects.', false, 'understand', false, false],
  ['Recognize how tariffs shape the price of imported goods.', false, 'understand', false, false],
  ['Recognize the issues raised by a merger of two hospitals.', false, 'understand', false, false],
  [
    'Recognize the considerations involved in choosing a pension scheme.',
    false,
    'understand',
    false,
    false,
  ],
  ['Recognize the challenges small farms face in a drought.', false, 'understand', false, false],
  [
    'Recognize the situations in which a lease must be capitalised.',
    false,
    'understand',
    false,
    false,
  ],
  ['Recognise the complexities of joint custody arrangements.', false, 'understand', false, false],
  ['Recognize the hazard symbols on a chemical label.', false, 'remember', false, false],
  ['Recognize how to reset a tripped breaker.', false, 'remember', false, false],
  // Identifying whether (or if, or that) a case belongs to a category is classifying it
  // (understand); identifying what a term names stays recall.
  ['Identify whether a contract is void or voidable.', false, 'understand', false, false],
  ['Identify if a triangle is acute, right or obtuse.', false, 'understand', false, false],
  ['Identify the parts of a flower.', false, 'remember', false, false],
  // A wish for skills ("develop skills", Mager) whatever follows them: a preposition of time or
  // place ("during", "at", "on") or a comma, as "for", "in" and "through" already did.
  ['Develop observational skills during field trips.', true, null, false, false],
  [
    'Develop negotiation and mediation skills, at an introductory level, in role plays.',
    true,
    null,
    false,
    false,
  ],
  [
    'Develop interpersonal skills, a professional attitude and respect for others.',
    true,
    null,
    false,
    false,
  ],
  ['Build a skills matrix for the team.', false, 'apply', false, false],
  // Establishing rapport, a relationship, trust or controls is an interpersonal or management
  // procedure carried out (apply), as building rapport already was; establishing a plan or goals
  // stays create. Two verbs joined before one object share it, an English-lexicon verb too
  // ("create and sustain a relationship").
  ['Establish rapport with a new client.', false, 'apply', false, false],
  ['Establish and maintain trust with volunteers.', false, 'apply', false, true],
  ['Create and sustain a working relationship with suppliers.', false, 'apply', false, true],
  ['Establish realistic goals for a weight-loss plan.', false, 'create', false, false],
  // Producing a performance or a product by a taught technique (a language's pronunciation, a
  // sign language's handshapes, a weld, a wire termination, a radiograph) is apply; producing
  // an essay or a research project stays create.
  ['Produce accurate pronunciation of the French nasal vowels.', false, 'apply', false, false],
  ['Produce clear handshapes for the BSL alphabet.', false, 'apply', false, false],
  ['Produce sound fillet welds in the horizontal position.', false, 'apply', false, false],
  [
    'Produce a research essay on the causes of the Great Depression.',
    false,
    'create',
    false,
    false,
  ],
  // Fifteenth pass: an inner state with a that-clause ("demonstrate understanding that ...",
  // "show an awareness that ...") is the state of "an understanding of", not a demonstration.
  ['Demonstrate understanding that fractions are parts of a whole.', true, null, false, false],
  ['Show an awareness that cultural norms differ between teams.', true, null, false, false],
  ['Demonstrate that the circuit breaker trips under overload.', false, 'apply', false, false],
  // Sixteenth pass: advocating for a person, a group or their access to a service is acting on
  // their behalf in practice (apply), as nursing, social work and teaching outcomes use it;
  // advocating a position stays arguing for it (evaluate).
  ['Advocate for patients with limited English at discharge.', false, 'apply', false, false],
  ['Advocate for tenants facing eviction in housing court.', false, 'apply', false, false],
  [
    'Advocate a position on carbon pricing in a structured debate.',
    false,
    'evaluate',
    false,
    false,
  ],
  // An analysis stated as the purpose of using a tool or evidence is what is asked for, as a
  // judgement already was; a measurement, a determination by a known method or a comparison of
  // magnitudes stays apply.
  ['Use census data to analyze population change in a county.', false, 'analyze', false, false],
  ['Use a Venn diagram to contrast two short stories.', false, 'analyze', false, false],
  ['Use place value to compare the size of two decimals.', false, 'apply', false, false],
  ['Use a protractor to measure angles.', false, 'apply', false, false],
  [
    'Use the quadratic formula to determine the roots of an equation.',
    false,
    'apply',
    false,
    false,
  ],
  // Young people, cadets, recruits and volunteers as the learner before "will".
  ['Youth will plan a community garden.', false, 'create', false, false],
  ['Cadets will demonstrate a proper salute.', false, 'apply', false, false],
  ['Volunteers will greet visitors at the museum entrance.', false, 'apply', false, false],
  // Knowledge gained or shown for a behaviour after "to" ("develop the knowledge to describe",
  // "demonstrate the knowledge and skills to plan"): a wish, as "develop the ability to" is,
  // vague, at the level of the behaviour; "Apply knowledge to solve ..." and "Use knowledge and
  // skills to ..." stay behaviours.
  ['Develop the knowledge to describe soil horizons.', true, 'understand', false, false],
  ['Demonstrate the knowledge and skills to plan a weekly menu.', true, 'create', false, false],
  ['Acquire knowledge and skills sufficient to operate a forklift.', true, 'apply', false, false],
  ['Apply knowledge of statics to solve truss problems.', false, 'apply', false, false],
  // Determining what is appropriate, needed, best, relevant or legal is a judgement against
  // criteria (evaluate); determining a quantity stays apply and a relation analyze.
  [
    'Determine the appropriate level of care for a resident after a fall.',
    false,
    'evaluate',
    false,
    false,
  ],
  ['Determine needed repairs on a bicycle drivetrain.', false, 'evaluate', false, false],
  ['Determine the necessity of a second blood culture.', false, 'evaluate', false, false],
  ['Determine the relevance of witness statements to a claim.', false, 'evaluate', false, false],
  ['Determine the volume of a rectangular tank.', false, 'apply', false, false],
  ["Determine the author's purpose in a campaign speech.", false, 'analyze', false, false],
  // Improving a practice, a process or one's own performance is carrying it out better (apply);
  // designing something new stays create.
  ['Improve first-call resolution on the help desk.', false, 'apply', false, false],
  ['Improve the turnaround time of hospital laboratory reports.', false, 'apply', false, false],
  ['Design a new layout for a warehouse picking area.', false, 'create', false, false],
  // An adverb before an adjective, or a possessive, between a vague phrase's parts.
  ['Develop clinically relevant knowledge of pharmacology.', true, null, false, false],
  ["Further develop the sailor's knowledge of tides.", true, null, false, false],
  // "Understand and be able to explain X": the behaviour that shows the understanding, stated
  // after "be able to" (explaining, describing), is what is asked for, one behaviour, vague (the
  // wrapper), at its level, as "develop the ability to explain" is; a behaviour above
  // understanding after it ("be able to apply", "calculate") is a second behaviour, and
  // "Understand and explain X" stays two.
  ['Understand and be able to explain the stages of mitosis.', true, 'understand', false, false],
  [
    'Students will understand and be able to describe the causes of inflation.',
    true,
    'understand',
    false,
    false,
  ],
  ['Know and be able to describe the duties of a notary.', true, 'understand', false, false],
  ['Know and be able to calculate the present value of an annuity.', true, 'apply', false, true],
  [
    'I will understand and be able to explain why the seasons change.',
    true,
    'understand',
    false,
    false,
  ],
  ['Understand and apply the rules of netball.', true, 'apply', false, true],
  // Behaviours numbered inside the sentence ("Students should (a) know ... and (b) relate ...",
  // "the ability to (i) design and (ii) conduct experiments"): the markers are no words, so
  // each numbered behaviour is read; a single marker stays as it was.
  [
    'Students should (a) describe the water cycle and (b) explain its role in weather.',
    false,
    'understand',
    false,
    true,
  ],
  [
    'Graduates will be able to (i) plan and (ii) carry out a field survey.',
    false,
    'create',
    false,
    true,
  ],
  [
    'Nurses will (1) assess pain, (2) administer analgesia and (3) document the response.',
    false,
    'evaluate',
    false,
    true,
  ],
  ['Solve problem (a) of the worksheet.', false, 'apply', false, false],
  // A label before a colon with commas, a spaced "/" or "&", or up to nine words ("Grammar,
  // vocabulary: Can ...", "Individual / Dual Sport Activities: perform ...", "Knowledge and
  // Skills for Living in a Diverse Society: Students will ..."): set aside, as "Task 1:" is,
  // when a behaviour follows; with none it is what the item says.
  [
    'Reading, Writing & Research: Students will write an argumentative essay.',
    false,
    'create',
    false,
    false,
  ],
  ['Team / Partner Activities: perform a forward roll in sequence.', false, 'apply', false, false],
  [
    'Knowledge and Skills for Working in Diverse Teams: Students will explain conflict styles.',
    false,
    'understand',
    false,
    false,
  ],
  // A phrase set off by commas, or the medium ("in writing", "orally"), between a verb and the
  // rest of its vague phrase: "Demonstrate, using written and spoken communication, a knowledge
  // of", "demonstrate in writing an understanding of" are vague as "demonstrate an understanding
  // of" is; "Demonstrate, using a manikin, the recovery position" stays a behaviour.
  [
    'Demonstrate, through case discussions, an understanding of contract law.',
    true,
    null,
    false,
    false,
  ],
  ['Demonstrate in writing a knowledge of the major world religions.', true, null, false, false],
  [
    'Demonstrate both orally and in writing an understanding of poetic form.',
    true,
    null,
    false,
    false,
  ],
  ['Demonstrate, using a manikin, the recovery position.', false, 'apply', false, false],
  ['Demonstrate in writing the steps of the scientific method.', false, 'apply', false, false],
  // A leading condition with "While" or "If" ("While working with the professional nurse, provide
  // ...", "if pulse and breathing present, place victim in recovery position"): the ABCD
  // Condition, set aside as "When given ...," is.
  [
    'While assisting the dentist, pass instruments in the correct order.',
    false,
    'apply',
    false,
    false,
  ],
  ['If the patient is unresponsive, open the airway.', false, 'apply', false, false],
  // Eighteenth pass: a recall verb whose object is, or ends with, a "how" or "why" clause with a
  // subject ("Identify how tides are formed", "Name the main rock types and how they form",
  // "Recognize why firms hedge") asks what happens or why: explaining, understand. "Identify how
  // to" + a verb is a procedure and keeps its reading, as do "how many" and a plain object.
  ['Identify how tides are formed by the moon.', false, 'understand', false, false],
  ['Name the main rock types and how they form in the crust.', false, 'understand', false, false],
  ['Recognize why lenders require collateral.', false, 'understand', false, false],
  ['Define inflation and how it is measured.', false, 'understand', false, false],
  [
    'List the parts of a sewing machine and why each needs regular oiling.',
    false,
    'understand',
    false,
    false,
  ],
  ['Identify how to lock out a conveyor before cleaning.', false, 'remember', false, false],
  ['Identify how many fire exits the building has.', false, 'remember', false, false],
  ['Name the main rock types.', false, 'remember', false, false],
  // A list of codes before the objective ("PB 1.4.A., 1.5.A: Identify ...", programme
  // competencies mapped to an objective): set aside when a behaviour follows, as one code is.
  [
    'CH 2.1.B., 2.4.C: Describe the causes of the French Revolution.',
    false,
    'understand',
    false,
    false,
  ],
  ['NUR 4.2, 5.1: Calculate medication dosages for children.', false, 'apply', false, false],
  ['NUR 4.2, 5.1: Medication dosages for children', false, null, false, false],
  // Nineteenth pass: a recall verb before a definite, counted set ("the three main causes", "the
  // six functions of management") asks for a list the course teaches, recalled whole: remember,
  // whatever the set's noun (causes, hazards, functions) would make of an open object. Without
  // "the" ("three risks in your own workplace") the learner finds them, as with no count.
  ['Identify the three main causes of workplace fires.', false, 'remember', true, false],
  ['Identify the two main threats to coral reefs.', false, 'remember', true, false],
  ['Define the six functions of management.', false, 'remember', true, false],
  ['Identify the 4 hazards of working in confined spaces.', false, 'remember', true, false],
  ['Identify three risks in your own workplace.', false, 'analyze', true, false],
  ['Identify the causes of the warehouse fire.', false, 'analyze', false, false],
  // "Develop" a capacity of one's own (a habit, a technique, proficiency, literacy, rapport) is
  // growing it by practice: what is assessed is carrying it out, apply; a perspective or an
  // insight developed is understanding. Developing a product (a strategy, a plan, a method)
  // stays create.
  ['Develop safe lifting habits on the warehouse floor.', false, 'apply', false, false],
  ['Develop sound interviewing technique.', false, 'apply', false, false],
  ['Develop rapport with new clients.', false, 'apply', false, false],
  ['Develop information literacy.', false, 'apply', false, false],
  ['Develop a global perspective on public health.', false, 'understand', false, false],
  ['Develop a marketing strategy for a new product.', false, 'create', false, false],
  ['Develop innovative techniques for measuring soil carbon.', false, 'create', false, false],
  // Telling the time is reading a clock, a procedure carried out (apply), not recall.
  ['Tell time to the nearest five minutes on an analogue clock.', false, 'apply', true, false],
  ['Tell the time in French using the 24-hour clock.', false, 'apply', false, false],
  ['Tell the story of the Trojan War.', false, 'remember', false, false],
  // Twentieth pass: checking or monitoring a person, a machine or a reading as a step of
  // routine work is carrying out a procedure (apply); it is evaluating (Anderson & Krathwohl's
  // "checking") when it judges against a standard: accuracy, compliance, progress against a plan.
  ["Monitor a patient's vital signs after surgery.", false, 'apply', false, false],
  ['Check a ladder for damage before use.', false, 'apply', false, false],
  ['Monitor the temperature of the walk-in freezer.', false, 'apply', false, false],
  ['Check calculations for accuracy.', false, 'evaluate', false, false],
  ['Check a tax return for compliance with current regulations.', false, 'evaluate', false, false],
  ['Monitor project progress against the plan.', false, 'evaluate', false, false],
  // Assembling given parts (a kit, a machine, a file of papers) is a procedure carried out,
  // apply; an original work assembled is create.
  ['Assemble a desktop computer from its components.', false, 'apply', false, false],
  ['Assemble a patient chart for the morning handover.', false, 'apply', false, false],
  ['Assemble an original collage from found materials.', false, 'create', false, false],
  // "Explain when and how to X": one question the explaining verb answers (when, and how),
  // not a second behaviour "how to X" carried out.
  ['Explain when and how to use a fire extinguisher.', false, 'understand', false, false],
  ['Describe why and how to isolate an electrical circuit.', false, 'understand', false, false],
  ['State when to wear a respirator and how to check its fit.', false, 'remember', false, false],
  // Critical thinking shown as the behaviour itself ("Demonstrate critical thinking", "Think
  // critically about X") is breaking a matter down and weighing it, analyze; used as a means
  // ("Use critical thinking to make decisions") the purpose decides, as before.
  ['Demonstrate critical thinking in written assignments.', false, 'analyze', false, false],
  ['Demonstrate sound critical analysis of case law.', false, 'analyze', false, false],
  ['Think critically about claims made in advertising.', false, 'analyze', false, false],
  ['Demonstrate safe manual handling techniques.', false, 'apply', false, false],
  // "Demonstrate ability to X", "demonstrate their ability to X": the frame is set aside with
  // or without an article, as "demonstrate the ability to X" was; X is the behaviour.
  ['Demonstrate ability to analyze monthly sales data.', false, 'analyze', false, false],
  ['Demonstrate ability to think critically.', false, 'analyze', false, false],
  [
    'Students will demonstrate their ability to name the bones of the hand.',
    false,
    'remember',
    false,
    false,
  ],
  // Twenty-first pass: verbs the published lists place by one sense that objectives use in
  // another. Finding a denominator or perspectives on a question (computed, searched for)
  // and collecting data or samples are procedures carried out (apply), not recall; expressing an opinion in a language or a quantity in
  // another form, and representing data or a quantity in a prescribed form, are apply;
  // establishing a routine is putting a practice in place (apply), a plan established is
  // devised (create). "Express an understanding of" is a vague phrase, as "show an
  // understanding of" is.
  ['Find a common denominator for two fractions.', false, 'apply', false, false],
  ['Find diverse perspectives on a public policy question.', false, 'apply', false, false],
  ['Collect a urine sample from a patient.', false, 'apply', false, false],
  ['Collect customer feedback after each workshop.', false, 'apply', false, false],
  ['Express preferences about food in Spanish.', false, 'apply', false, false],
  ['Express a fraction as a decimal.', false, 'apply', false, false],
  ['Express an understanding of the causes of inflation.', true, null, false, false],
  ['Articulate an understanding of the principles of adult learning.', true, null, false, false],
  ['Represent decimals on a number line.', false, 'apply', false, false],
  ['Represent the survey data in a bar graph.', false, 'apply', false, false],
  ['Establish a daily routine for the toddler room.', false, 'apply', false, false],
  ['Establish a five-year plan for the clinic.', false, 'create', false, false],
  // Producing the sounds or sentences of a language one is learning, or a tone on an
  // instrument, is a skill performed (apply); a work produced stays create. Organizing
  // records or one's time is arranging them for use (apply). Determining a quantity by a known
  // method is apply; determining causes stays analyze.
  ['Produce the vowel sounds of Italian clearly.', false, 'apply', false, false],
  ['Produce simple sentences about daily routines in German.', false, 'apply', false, false],
  ['Produce a steady tone on the trumpet.', false, 'apply', false, false],
  ['Produce a short documentary film on a local issue.', false, 'create', false, false],
  ['Organize patient records for the morning clinic.', false, 'apply', false, false],
  ['Organise your revision time before the exam.', false, 'apply', false, false],
  ['Determine the square footage of a room.', false, 'apply', false, false],
  ['Determine significant figures in a measurement.', false, 'apply', false, false],
  ['Determine the causes of a power outage.', false, 'analyze', false, false],
  // Twenty-second pass: verbs joined by a slash ("Discuss/explain", "Name/tell/recall") offer
  // the author's alternative wordings of one behaviour, as "and/or" does; the reading is the
  // first's. A slash before a verb of a higher level keeps it (the level read is not lowered),
  // and verbs joined by "and" stay two behaviours.
  ['Outline/discuss the causes of the First World War.', false, 'understand', false, false],
  ['State / recall the legal drinking age in your state.', false, 'remember', false, false],
  ['List/name/label the bones of the upper limb.', false, 'remember', false, false],
  ['Trim/shape a boxwood hedge with hand shears.', false, 'apply', false, false],
  ['Identify/critique the assumptions of a business case.', false, 'evaluate', false, true],
  ['Outline and discuss the causes of the First World War.', false, 'understand', false, true],
  // Twenty-third pass: "tell how / why" is explaining (understand), as "identify how" is, also
  // with the listener named ("tell you why", "tell a partner how"); "tell how to X" names a
  // procedure and stays remember, as "identify how to" does, and "tell the time" is apply.
  ['Tell how a bill becomes a law.', false, 'understand', false, false],
  ['I can tell you why the seasons change.', false, 'understand', false, false],
  ['Tell a partner how the water cycle works.', false, 'understand', false, false],
  ['Tell how to change a tyre.', false, 'remember', false, false],
  ['Tell the names of the planets.', false, 'remember', false, false],
  ['Tell the time to the nearest five minutes.', false, 'apply', true, false],
  // "Tell (you) about X" asks for an account of it, as describe does (understand).
  ['Tell about the life cycle of a butterfly.', false, 'understand', false, false],
  ['I can tell you about the three branches of government.', false, 'understand', false, false],
  // Reading as a skill carried out (apply): aloud or fluently, an instrument or a notation
  // read to act on it, a data file read into a program. Reading to understand a text stays
  // understand, critically analyze.
  ['Read grade-level poems aloud with expression.', false, 'apply', false, false],
  ['Read a short passage fluently.', false, 'apply', false, false],
  ['Read a pressure gauge.', false, 'apply', false, false],
  ['Read guitar tablature.', false, 'apply', false, false],
  ['Read a CSV file into a data frame.', false, 'apply', false, false],
  ['Read short texts in Spanish.', false, 'understand', false, false],
  ['Read and interpret a weather map.', false, 'understand', false, false],
  ['Read the safety data sheet for a chemical.', false, 'understand', false, false],
  // Pronouncing is a sound produced, a skill carried out (apply), not a fact recalled;
  // reciting what was memorised stays remember.
  ['Pronounce the Welsh double L correctly.', false, 'apply', false, false],
  ['Pronounce common German words with the umlaut.', false, 'apply', false, false],
  ['Spell and pronounce the days of the week in Italian.', false, 'apply', false, true],
  ['Recite the Greek alphabet.', false, 'remember', false, false],
  // Recording is documenting as part of a task (apply), not recalling: every objective with
  // record as its verb in the real sets is labelled apply first.
  ['Record each delivery in the goods-in log.', false, 'apply', false, false],
  ['Record the dimensions of the room on a sketch.', false, 'apply', false, false],
  ['Label the bones of the hand on a diagram.', false, 'remember', false, false],
  // A frame of time or completion with no comma before the learner and a modal is set aside
  // as one with a comma is; a frame with a comma never reaches past the learner's modal.
  [
    'At the end of this unit learners will explain how a bill becomes law.',
    false,
    'understand',
    false,
    false,
  ],
  [
    'On completion of the workshop the participant will calculate a paediatric dose.',
    false,
    'apply',
    false,
    false,
  ],
  [
    'At the end of the lesson students will describe the water cycle, using a labelled diagram.',
    false,
    'understand',
    false,
    false,
  ],
  [
    'By the end of the module, students will list the parts of a cell.',
    false,
    'remember',
    false,
    false,
  ],
  ['Upon arrival at the site, check in with the supervisor.', false, 'apply', false, false],
  // Defining a class, a function or a type of a program is apply; the classes, functions or
  // types "of" something in the world are terms defined, remember.
  ['Define the functions of the kidney.', false, 'remember', false, false],
  ['Define the types of muscle tissue.', false, 'remember', false, false],
  ['Define a function that returns the square of a number.', false, 'apply', false, false],
  ['Define a class for a bank account with two methods.', false, 'apply', false, false],
  // Mention is stating what one knows (remember).
  ['Mention three causes of soil erosion.', false, 'remember', true, false],
  ['Mention the main functions of the liver.', false, 'remember', false, false],
  // Skills, competencies or competence wished for, with adjectives before them, name no
  // behaviour (Mager); competency standards are a product.
  [
    'Develop fundamental technical, tactical, physical and mental skills for tennis.',
    true,
    null,
    false,
    false,
  ],
  ['Develop musical competencies: rhythm, pitch and ensemble playing.', true, null, false, false],
  ['Develop competency standards for nursing assistants.', false, 'create', false, false],
  // A second behaviour after a phrase with a preposition: a verb that is never a noun
  // ("describe", "define") with what it acts on, though that starts with no article; a word
  // that is also a noun ("control") stays part of the phrase.
  [
    'Locate the main rivers of Europe on a map and describe trade routes along them.',
    false,
    'understand',
    false,
    true,
  ],
  ['Name the bones of the skull and define ossification.', false, 'remember', false, true],
  // "to" before a determiner is a preposition: the verb after "and" is not an infinitive's.
  [
    'Choose a rope suited to the route and demonstrate safe belaying technique.',
    false,
    'evaluate',
    false,
    true,
  ],
  ['Explain the principles of feedback and control systems.', false, 'understand', false, false],
  // After an infinitive the verb after "and" may be its second verb: no second behaviour read.
  [
    'Use library catalogues to find sources and evaluate search results.',
    false,
    'apply',
    false,
    false,
  ],
  // "and describe they differ": a subject pronoun starts a clause, not what the verb acts on.
  [
    'Describe the layers of the atmosphere and describe they differ in temperature.',
    false,
    'understand',
    false,
    false,
  ],
  // In mathematics, evaluating an expression, an integral or a derivative is computing its
  // value (apply); evaluating an argument or a campaign is judging it.
  ['Evaluate algebraic expressions with whole-number exponents.', false, 'apply', false, false],
  ['Evaluate the definite integral of a polynomial function.', false, 'apply', false, false],
  ['Evaluate the strength of an argument in an editorial.', false, 'evaluate', false, false],
  // Knowledge had, obtained or shown for what it is needed for, with adjectives before it, or
  // knowledge "regarding" a topic: no behaviour is stated (Mager); applying it is one.
  [
    'Have the practical and theoretical knowledge to work safely on a building site.',
    true,
    'apply',
    false,
    false,
  ],
  [
    'Obtain the knowledge and skills needed for entry-level work in a veterinary clinic.',
    true,
    null,
    false,
    false,
  ],
  ['Demonstrate knowledge regarding the safe storage of chemicals.', true, null, false, false],
  ['Apply your knowledge to plan a balanced weekly menu.', false, 'apply', false, false],
  // A vocabulary gained, built or expanded is words learnt, with no behaviour stated (meant
  // remember); a vocabulary quiz is a product.
  ['Build a rich medical vocabulary for talking with patients.', true, null, false, false],
  ['Expand their vocabulary.', true, null, false, false],
  ['Acquire the basic vocabulary needed to order food in a restaurant.', true, null, false, false],
  ['Build a vocabulary quiz for your classmates.', false, 'create', false, false],
  // Experience gained names no performance (Mager); a gerund after it is the behaviour.
  ['Gain experience with a digital oscilloscope.', true, null, false, false],
  ['Gain experience in clinical research.', true, null, false, false],
  ['Gain experience in welding aluminium.', true, 'apply', false, false],
  // An adverb of manner between "and" and a second behaviour's verb.
  [
    'Review the survey results with the client and clearly summarize the next steps.',
    false,
    'evaluate',
    false,
    true,
  ],
  [
    'Use social media responsibly and ethically to promote a small business.',
    false,
    'apply',
    false,
    false,
  ],
];

// Known engine disagreements (kept so they stay visible). Keyed by the exact text.
const TODO: Record<string, string> = {};
/** Objectives with no behaviour verb at all (`no-verb`); every other case has one. */
const NO_VERB = new Set([
  'Git worktrees instead of branches.',
  'How to use the CRM?',
  'We meet every Tuesday.',
  'Students work in pairs on the lab.',
  'What we will do today',
  'Graduates find employment in many sectors.',
  'Table and figure placement',
  'Heat, light and sound energy sources',
  'Taste, smell and touch receptors',
  'Python 3.12 release notes',
  'Monthly fire door inspections',
  'NUR 4.2, 5.1: Medication dosages for children',
]);

describe('objective classification', () => {
  let right = 0;
  for (const [text, vague, level, criterion, compound, note] of OBJECTIVES) {
    const outline = buildOutline(`## Objectives\n\n- ${text}\n`, 'case.md');
    const o = outline.objectives[0];
    const got = o
      ? {
          vague: o.analysis.vague,
          level: o.analysis.level,
          criterion: o.analysis.criterion !== null,
          compound: o.analysis.behaviours.length > 1,
          verb: o.analysis.verb !== null,
        }
      : null;
    const want = { vague, level, criterion, compound, verb: !NO_VERB.has(text) };
    const ok = JSON.stringify(got) === JSON.stringify(want);
    if (ok) right++;
    const todo = TODO[text] ?? (note?.startsWith('engine:') ? note : undefined);
    test(text, todo ? { todo } : {}, () => {
      assert.ok(o, 'recognised as an objective');
      assert.deepEqual(
        got,
        want,
        `got=${JSON.stringify(got)} verb=${o.analysis.verb?.text ?? null} criterion=${o.analysis.criterion?.text ?? null} behaviours=${o.analysis.behaviours.map((b) => `${(b.realVerb ?? b.verb).text}:${b.level}`)}`,
      );
    });
  }
  test(`accuracy`, () => {
    console.log(`objective classification: ${right}/${OBJECTIVES.length} cases right`);
    assert.ok(OBJECTIVES.length >= 80);
  });
});

/** text, target, timeframe, vanity, output, Kirkpatrick level, todo reason */
type OutcomeCase = [string, boolean, boolean, boolean, boolean, KirkpatrickLevel | null, string?];

const OUTCOMES: OutcomeCase[] = [
  ['VPN-related tickets fall from 120 to 40 a month within 90 days.', true, true, false, false, 4],
  [
    'Phishing-simulation failure rate falls from 12% to 4% within two quarters.',
    true,
    true,
    false,
    false,
    3,
  ],
  ['Customer satisfaction rises from 72 to 85 by Q3.', true, true, false, false, 4],
  [
    'Customer satisfaction with remote support rises from 78% to 85% by the end of 2027.',
    true,
    true,
    false,
    false,
    4,
  ],
  ['Improve security awareness among support staff.', false, false, false, false, null],
  ['Fewer VPN tickets after the rollout.', false, false, false, false, 4],
  ['Password-reset requests from remote staff drop by 30%.', true, false, false, false, null],
  ['95% of staff complete the course by the end of March.', true, true, true, false, null],
  ['Attendance at the safety induction reaches 100% in Q1.', true, true, true, false, null],
  ['The VPN setup guide reaches 500 downloads within a month.', true, true, true, false, null],
  [
    'Learner satisfaction with the workshop reaches 4.5 out of 5 by Q2.',
    true,
    true,
    true,
    false,
    1,
  ],
  ['Enrolment in the leadership programme rises to 300 by FY2027.', true, true, true, false, null],
  ['Deliver three workshops on remote security by Q2.', false, true, false, true, null],
  ['Publish a manual for the new CRM by the end of March.', false, true, false, true, null],
  ['Train 200 warehouse staff in manual handling in 2027.', true, true, false, true, null],
  [
    'Lost-time injuries in the warehouse fall from 4 to 1 per year by the end of 2027.',
    true,
    true,
    false,
    false,
    4,
  ],
  ['Average handling time falls from 9 to 6 minutes by Q3.', true, true, false, false, 4],
  [
    'First-contact resolution rises from 65% to 80% within six months.',
    true,
    true,
    false,
    false,
    4,
  ],
  [
    'Agents log 95% of calls in the CRM within 2 minutes of hanging up by the end of March.',
    true,
    true,
    false,
    false,
    3,
  ],
  [
    'Nurses complete the sepsis screening tool for 95% of eligible patients by Q2, as shown in monthly audits.',
    true,
    true,
    false,
    false,
    3,
  ],
  [
    'Hand-hygiene compliance observed on the ward rises from 70% to 95% by Q4.',
    true,
    true,
    false,
    false,
    3,
  ],
  [
    'Unplanned ICU admissions fall from 30 to 20 a quarter by the end of 2027.',
    true,
    true,
    false,
    false,
    4,
  ],
  ['Medication administration errors fall by 50% within 12 months.', true, true, false, false, 4],
  ['At least 90% of learners pass the post-course assessment by Q2.', true, true, false, false, 2],
  ['Average quiz score rises from 60% to 80% by the end of term.', true, true, false, false, 2],
  ['Code reviews show 80% of pull requests include tests by Q3.', true, true, false, false, 3],
  [
    'Production incidents caused by configuration errors fall from 8 to 2 a quarter by H2.',
    true,
    true,
    false,
    false,
    4,
  ],
  ['Mean time to recovery falls from 4 hours to 1 hour by FY2027.', true, true, false, false, 4],
  [
    'Employee turnover in the contact centre falls from 35% to 25% within a year.',
    true,
    true,
    false,
    false,
    4,
  ],
  [
    'Sales conversion rises by 5 percentage points by the end of the quarter.',
    true,
    true,
    false,
    false,
    4,
  ],
  [
    'Course completion reaches 90% and data-handling incidents fall by 50% by Q4.',
    true,
    true,
    false,
    false,
    4,
  ],
  ['Participants rate the course 4 out of 5 or higher.', true, false, true, false, 1],
  ['Run 12 lunch-and-learn sessions this year.', true, true, false, true, null],
  ['Page views of the intranet security guide double by Q3.', true, true, true, false, null],
  [
    'Students who take the module raise their mean exam grade from 58% to 65% within two years.',
    true,
    true,
    false,
    false,
    2,
  ],
  // A timeframe counted from each person's own start, with a possessive ("their", "your").
  [
    'Every new hire ships a change to production within their first month (onboarding).',
    false,
    true,
    false,
    false,
    null,
  ],
  [
    'Your team resolves 90% of tickets within your first two quarters.',
    true,
    true,
    false,
    false,
    4,
  ],
  [
    'Graduates pass the licensing exam in their first year of practice at a 95% rate.',
    true,
    true,
    false,
    false,
    2,
  ],
  // A recurring review dates what it finds: the annual audit is the timeframe.
  [
    'Zero substantiated bribery findings in the annual third-party audit.',
    true,
    true,
    false,
    false,
    4,
  ],
  ['Fewer than 3 non-conformities at each quarterly inspection.', true, true, false, false, null],
  ['Zero findings in the audit.', true, false, false, false, 4],
  // Sales results are business results (Kirkpatrick 4), as revenue and churn are.
  [
    'Win rate on qualified opportunities rises from 18% to 25% by end of Q4.',
    true,
    true,
    false,
    false,
    4,
  ],
  ['Average deal size grows from $42k to $50k by end of Q4.', true, true, false, false, 4],
  ['Quota attainment reaches 90% within two quarters.', true, true, false, false, 4],
  // A check at a point counted in days dates the outcome ("90-day pulse survey"); its number
  // is no target.
  [
    '90-day pulse survey: "My team lead explains priorities clearly" rises from 54% to 70% favourable.',
    true,
    true,
    false,
    false,
    null,
  ],
  [
    'At the 60-day review, 80% of new managers hold monthly one-to-ones.',
    true,
    true,
    false,
    false,
    null,
  ],
  [
    "HR-logged grievances from new managers' teams fall by 30% within 6 months.",
    true,
    true,
    false,
    false,
    4,
  ],
];

// The target's text is what the outline JSON and the hover show: the whole change, its unit too.
describe('outcome target text', () => {
  const cases: [string, string][] = [
    ['Win rate rises from 18% to 25% by end of Q4.', 'from 18% to 25%'],
    ['Average deal size grows from $42k to $50k by end of Q4.', 'from $42k to $50k'],
    ['Churn falls from 8 percent to 5 percent within 6 months.', 'from 8 percent to 5 percent'],
    ['VPN-related tickets fall from 120 to 40 a month within 90 days.', 'from 120 to 40'],
    ['90-day pulse survey: favourable answers rise from 54% to 70%.', 'from 54% to 70%'],
    // A change is the target, before a duration that defines the measure.
    ['Breach reports filed within 72 hours rise from 60% to 95% by June.', 'from 60% to 95%'],
    ['Escalations fall from 40/month to 20/month by Q3.', 'from 40/month to 20/month'],
    // A baseline's note in brackets is part of the change.
    [
      'Evacuation order time falls from 95 minutes (2025 exercise) to 60 minutes by 2028.',
      'from 95 minutes (2025 exercise) to 60',
    ],
  ];
  for (const [text, want] of cases) {
    test(text, () => {
      const o = buildOutline(`## Outcomes\n\n- ${text}\n`, 'case.md').outcomes[0];
      assert.equal(o?.analysis.target?.text, want);
    });
  }
});

// An evaluation plan written as a list by Kirkpatrick level: the label gives the level and is
// not read as a target; levels 1 and 2 evaluate the training and are not outcomes.
describe('Kirkpatrick level labels in an outcome list', () => {
  const plan = [
    '## Evaluation plan',
    '',
    '- Level 1 (Reaction): end-of-session survey.',
    '- Level 2 – Learning: observer checklist scores from the role-play.',
    '- Level 3 (Behaviour): 80% of supervisors hold a feedback conversation each month within 90 days.',
    '- **Level 4:** team engagement score rises from 62% to 70% by the next annual survey.',
    '- Kirkpatrick level 3: managers observe one feedback conversation at the 60-day review.',
    '- Behaviour: 75% of agents use the new script on live calls within 3 months.',
    '',
  ].join('\n');
  const outcomes = buildOutline(plan, 'plan.md').outcomes;
  test('levels 1 and 2 are not outcomes', () => {
    assert.deepEqual(
      outcomes.map((o) => o.text.slice(0, 12)),
      ['80% of super', 'team engagem', 'managers obs', '75% of agent'],
    );
  });
  test('the label gives the level', () => {
    assert.deepEqual(
      outcomes.map((o) => o.analysis.kirkpatrick),
      [3, 4, 3, 3],
    );
  });
  test('the label is not a target', () => {
    assert.deepEqual(
      outcomes.map((o) => o.analysis.target?.text ?? null),
      ['80%', 'from 62% to 70%', null, '75%'],
    );
  });
});

describe('outcome classification', () => {
  let right = 0;
  for (const [text, target, timeframe, vanity, output, kirkpatrick, todo] of OUTCOMES) {
    const outline = buildOutline(`## Outcomes\n\n- ${text}\n`, 'case.md');
    const o = outline.outcomes[0];
    const got = o
      ? {
          target: o.analysis.target !== null,
          timeframe: o.analysis.timeframe !== null,
          vanity: o.analysis.vanity !== null,
          output: o.analysis.output !== null,
          kirkpatrick: o.analysis.kirkpatrick,
        }
      : null;
    const want = { target, timeframe, vanity, output, kirkpatrick };
    if (JSON.stringify(got) === JSON.stringify(want)) right++;
    test(text, todo ? { todo } : {}, () => {
      assert.ok(o, 'recognised as an outcome');
      const a = o.analysis;
      assert.deepEqual(
        got,
        want,
        `got=${JSON.stringify(got)} target=${a.target?.text ?? null} timeframe=${a.timeframe?.text ?? null} vanity=${a.vanity?.text ?? null} output=${a.output?.text ?? null}`,
      );
    });
  }
  test('accuracy', () => {
    console.log(`outcome classification: ${right}/${OUTCOMES.length} cases right`);
    assert.ok(OUTCOMES.length >= 30);
  });
});

// A unit of competency (training.gov.au, UK NOS) lists its elements, each with performance
// criteria in the passive voice under it. Each criterion states a behaviour (its participles):
// no `no-verb`, no "Work" read as an unknown verb. Passive statements outside an objectives
// block stay what they were.
const UNIT = `# CPC10011 Carry out basic demolition

## Competencies

1. Plan and prepare for work.
   1. Work instructions are obtained, confirmed and applied.
   2. Safety requirements are followed in accordance with the site safety plan.
   3. Signage and barricades are identified and installed.
   4. Tools and equipment selected for the task are consistent with job requirements.
   5. Waste is removed and disposed of in accordance with the waste management plan.
   6. Faults have been reported to the supervisor.
2. Clean up the work area.

## Arrangements

- Lunch is provided.
- Assessments are graded by the assessor.
- The unit is delivered on site.
`;

describe('passive performance criteria', () => {
  test('each criterion of a unit of competency is read with its behaviours (no no-verb)', () => {
    const outline = buildOutline(UNIT, 'unit.md');
    const read = outline.objectives.map(
      (o) => `${o.text.split(' ')[0]} ${o.analysis.behaviours.map((b) => b.verb.text).join(',')}`,
    );
    assert.deepEqual(read, [
      'Plan plan,prepare',
      'Work obtain,confirm,apply',
      'Safety follow',
      'Signage identify,install',
      'Tools select',
      'Waste remove,dispose',
      'Faults report',
      'Clean clean up',
    ]);
    const ws = new Workspace();
    ws.update('unit.md', UNIT);
    const noisy = ws
      .lint('unit.md')
      .filter((f) => f.ruleId === 'no-verb' || f.ruleId === 'unknown-verb')
      .map((f) => `${f.ruleId} ${UNIT.slice(f.span.start, f.span.end)}`);
    assert.deepEqual(noisy, []);
  });
});

// Eighth pass: what a vague "know" / "learn" asks for depends on the clause after it. "Know when
// to X" asks for a judgement (decide when), "Know why / how X happens" for an explanation; "Know
// what to X" stays recall. The preferred rewrite keeps the clause.
describe('the level a vague phrase means, from the clause after it', () => {
  const CASES: [string, BloomLevel, string][] = [
    [
      'Know when to call for a second opinion.',
      'evaluate',
      'Decide when to call for a second opinion.',
    ],
    [
      'Learn when to hand a patient over to a senior colleague.',
      'evaluate',
      'Decide when to hand a patient over to a senior colleague.',
    ],
    ['Know why bread dough needs to rest.', 'understand', 'Explain why bread dough needs to rest.'],
    ['Know how the heart pumps blood.', 'understand', 'Explain how the heart pumps blood.'],
    ['Know what to pack for a day hike.', 'remember', 'Identify what to pack for a day hike.'],
  ];
  for (const [text, meant, fixed] of CASES) {
    test(text, () => {
      const source = `## Objectives\n\n- ${text}\n`;
      const a = buildOutline(source, 'case.md').objectives[0]!.analysis;
      assert.equal(a.vague, true);
      assert.equal(a.vaguePhrase?.meant, meant);
      const ws = new Workspace();
      ws.update('case.md', source);
      const f = ws.lint('case.md').find((x) => x.ruleId === 'vague-verb');
      const fix = f?.fixes.find((x) => x.isPreferred);
      assert.ok(fix, 'a preferred rewrite');
      assert.equal(applyEdits(source, fix.edits), `## Objectives\n\n- ${fixed}\n`);
    });
  }
});

// Twenty-second pass: being or becoming aware of issues, a process or how something works means
// understanding them, as an awareness developed, gained or shown already did ("awareness of",
// understand): the labellers of six real sets mark "Be aware of ..." understand (eight of ten).
// Aware of a rule, a policy or the signs of a condition stays recall (remember), as three
// labels of three sets say.
describe('the level "be aware of" means', () => {
  const CASES: [string, BloomLevel, string][] = [
    [
      'Be aware of the common causes of burnout in unpaid carers.',
      'understand',
      'Identify the common causes of burnout in unpaid carers.',
    ],
    [
      'Become aware of the stages of the grant review process.',
      'understand',
      'Identify the stages of the grant review process.',
    ],
    [
      'Be aware of the warning signs of sepsis.',
      'remember',
      'Identify the warning signs of sepsis.',
    ],
    ['Be aware of the visitor sign-in policy.', 'remember', 'Identify the visitor sign-in policy.'],
  ];
  for (const [text, meant, fixed] of CASES) {
    test(text, () => {
      const source = `## Objectives\n\n- ${text}\n`;
      const a = buildOutline(source, 'case.md').objectives[0]!.analysis;
      assert.equal(a.vague, true);
      assert.equal(a.level, null);
      assert.equal(a.meantLevel, meant);
      const ws = new Workspace();
      ws.update('case.md', source);
      const f = ws.lint('case.md').find((x) => x.ruleId === 'vague-verb');
      const fix = f?.fixes.find((x) => x.isPreferred);
      assert.ok(fix, 'a preferred rewrite');
      assert.equal(applyEdits(source, fix.edits), `## Objectives\n\n- ${fixed}\n`);
    });
  }
});

// Ninth pass: a topic in place of an objective (a noun phrase, `no-verb`) names no behaviour, but
// what it names says what the author most likely meant learners to do with it: a practice
// ("Chainsaw sharpening and maintenance", "Safe use of ladders") apply, an analysis analyze, an
// evaluation evaluate, definitions or terminology remember, anything else (a body of ideas, "The
// causes of the Irish famine") understand. It stays `no-verb` with no level (OUTLINE-CONVENTIONS
// §3, §9); the meant level is for the fix's verbs, as for a vague phrase.
describe('the level a topic stated in place of an objective means', () => {
  const CASES: [string, BloomLevel][] = [
    ['Chainsaw sharpening and maintenance', 'apply'],
    ['Saddle stitching', 'apply'],
    ['Safe use of ladders and scaffolds', 'apply'],
    ['Groundwater sampling techniques', 'apply'],
    ['Statistical analysis of survey responses', 'analyze'],
    ['Formative evaluation of design portfolios', 'evaluate'],
    ['Basic welding terminology and symbols', 'remember'],
    ['The causes of the Irish famine', 'understand'],
    ['Origins of the welfare state', 'understand'],
    ['Customs officers must declare gifts over the limit', 'understand'],
    ['Commercial roofing regulations for loft conversions', 'understand'],
    // A gerund that names a field or discipline is no practice asked of learners.
    ['Digital marketing and consumer privacy', 'understand'],
    ['Civil engineering and public procurement', 'understand'],
  ];
  for (const [text, meant] of CASES) {
    test(text, () => {
      const source = `## Objectives\n\n- ${text}\n`;
      const a = buildOutline(source, 'case.md').objectives[0]!.analysis;
      assert.equal(a.verb, null, 'no behaviour verb');
      assert.equal(a.level, null, 'no level of its own');
      assert.equal(a.meantLevel, meant);
      const ws = new Workspace();
      ws.update('case.md', source);
      const f = ws.lint('case.md').find((x) => x.ruleId === 'no-verb');
      assert.ok(f, 'still reported as no-verb');
      // The message offers verbs of the level meant ("e.g. Use, Carry out" for a practice);
      // for a body of ideas the message is as before.
      const first: Record<BloomLevel, string> = {
        remember: 'List, Define',
        understand: 'Describe, Explain, Use, Compare',
        apply: 'Use, Carry out',
        analyze: 'Analyze, Compare',
        evaluate: 'Evaluate, Judge',
        create: 'Design, Plan',
      };
      assert.ok(f.message.includes(`e.g. ${first[meant]}`), f.message);
    });
  }
  // With a behaviour verb, the objective's own level stands and no meant level is given.
  test('an objective with a verb has no meant level', () => {
    const a = buildOutline('## Objectives\n\n- Sharpen a chainsaw chain.\n', 'case.md')
      .objectives[0]!.analysis;
    assert.equal(a.level, 'apply');
    assert.equal(a.meantLevel, null);
  });
  // A vague phrase keeps its own meant level.
  test('a vague phrase gives its meant level', () => {
    const a = buildOutline('## Objectives\n\n- Appreciate the value of folk music.\n', 'case.md')
      .objectives[0]!.analysis;
    assert.equal(a.level, null);
    assert.equal(a.meantLevel, a.vaguePhrase?.meant);
    assert.equal(a.meantLevel, 'evaluate');
  });
});

// Ninth pass: learning commands, procedures, techniques or habits is learning to carry them out
// (meant apply); learning principles stays understand, vocabulary remember.
describe('the level "learn" means by what is learnt', () => {
  const CASES: [string, BloomLevel][] = [
    ['Learn the keyboard commands of the vim editor.', 'apply'],
    ['Learn the correct procedures for decontaminating a spill.', 'apply'],
    ['Learn safe lifting techniques.', 'apply'],
    ['Master the basic techniques of wheel throwing.', 'apply'],
    ['Learn the principles of double-entry bookkeeping.', 'understand'],
    ['Learn the vocabulary of colours in Welsh.', 'remember'],
  ];
  for (const [text, meant] of CASES) {
    test(text, () => {
      const a = buildOutline(`## Objectives\n\n- ${text}\n`, 'case.md').objectives[0]!.analysis;
      assert.equal(a.vague, true);
      assert.equal(a.level, null);
      assert.equal(a.meantLevel, meant);
    });
  }
  // The rewrite offers verbs of that level, not "Explain safe lifting techniques".
  test('its rewrite uses a verb of carrying out', () => {
    const source = '## Objectives\n\n- Learn safe lifting techniques.\n';
    const ws = new Workspace();
    ws.update('case.md', source);
    const f = ws.lint('case.md').find((x) => x.ruleId === 'vague-verb')!;
    assert.match(f.message, /apply-level verb such as Apply, Use/);
    const fix = f.fixes.find((x) => x.isPreferred)!;
    assert.equal(
      applyEdits(source, fix.edits),
      '## Objectives\n\n- Apply safe lifting techniques.\n',
    );
  });
});

// Eleventh pass: "demonstrate knowledge of" a field, a body of practice or a subject is asked of
// the learner as explaining it (understand), as five real sets label it (16 objectives, read
// remember before); knowledge of facts (terms, names, dates, requirements) stays recall. The
// rewrite offers verbs of that level ("Explain the history of ...").
describe('the level "demonstrate knowledge of" means by what is known', () => {
  const CASES: [string, BloomLevel, string][] = [
    [
      'Demonstrate knowledge of the history of Welsh choral singing.',
      'understand',
      'Explain the history of Welsh choral singing.',
    ],
    [
      'Students will demonstrate knowledge of coastal ecosystems.',
      'understand',
      'Students will explain coastal ecosystems.',
    ],
    [
      'Demonstrate a knowledge of the brewing industry.',
      'understand',
      'Explain the brewing industry.',
    ],
    [
      'Demonstrate knowledge of the key terms of maritime law.',
      'remember',
      'Identify the key terms of maritime law.',
    ],
    [
      'Demonstrate knowledge of the licensing requirements for a taxi driver.',
      'remember',
      'Identify the licensing requirements for a taxi driver.',
    ],
    // Sixteenth pass: developing, having or exhibiting knowledge of a field is meant as
    // understanding it, as demonstrating it is; gaining or acquiring it stays recall.
    ['Develop knowledge of marine food webs.', 'understand', 'Explain marine food webs.'],
    ['Have knowledge of the stages of grief.', 'understand', 'Explain the stages of grief.'],
    ['Exhibit knowledge of safe food storage.', 'understand', 'Explain safe food storage.'],
    [
      'Have knowledge of the key terms of contract law.',
      'remember',
      'Identify the key terms of contract law.',
    ],
    ['Gain knowledge of local bird species.', 'remember', 'Identify local bird species.'],
    // Nineteenth pass: strategies and tools learnt are carried out, as techniques and commands
    // are (apply); learning about them stays understanding.
    [
      'Learn effective de-escalation strategies for angry customers.',
      'apply',
      'Apply effective de-escalation strategies for angry customers.',
    ],
    ['Learn the basic tools of bookbinding.', 'apply', 'Apply the basic tools of bookbinding.'],
    [
      'Learn about new strategies for recruiting volunteers.',
      'understand',
      'Describe new strategies for recruiting volunteers.',
    ],
  ];
  for (const [text, meant, fixed] of CASES) {
    test(text, () => {
      const source = `## Objectives\n\n- ${text}\n`;
      const a = buildOutline(source, 'case.md').objectives[0]!.analysis;
      assert.equal(a.vague, true);
      assert.equal(a.level, null);
      assert.equal(a.meantLevel, meant);
      const ws = new Workspace();
      ws.update('case.md', source);
      const f = ws.lint('case.md').find((x) => x.ruleId === 'vague-verb');
      const fix = f?.fixes.find((x) => x.isPreferred);
      assert.ok(fix, 'a preferred rewrite');
      assert.equal(applyEdits(source, fix.edits), `## Objectives\n\n- ${fixed}\n`);
    });
  }
});

// Fifteenth pass: an understanding or an awareness of a proposition ("Demonstrate understanding
// that ...") is vague as "an understanding of" is; the rewrite keeps the that-clause after a verb
// that can take one.
describe('an inner state with a that-clause is rewritten before the clause', () => {
  const CASES: [string, string][] = [
    [
      'Demonstrate understanding that fractions are parts of a whole.',
      'Explain that fractions are parts of a whole.',
    ],
    [
      'Students will show an awareness that cultural norms differ between teams.',
      'Students will explain that cultural norms differ between teams.',
    ],
  ];
  for (const [text, fixed] of CASES) {
    test(text, () => {
      const source = `## Objectives\n\n- ${text}\n`;
      const a = buildOutline(source, 'case.md').objectives[0]!.analysis;
      assert.equal(a.vague, true);
      assert.equal(a.meantLevel, 'understand');
      const ws = new Workspace();
      ws.update('case.md', source);
      const f = ws.lint('case.md').find((x) => x.ruleId === 'vague-verb');
      const fix = f?.fixes.find((x) => x.isPreferred);
      assert.ok(fix, 'a preferred rewrite');
      assert.equal(applyEdits(source, fix.edits), `## Objectives\n\n- ${fixed}\n`);
    });
  }
});

// Field trial of 4 Dec 2026 (#4): "be comfortable in creating X" is the vague "be comfortable"
// before a gerund, as "be comfortable with" is: vague-verb, with the gerund's behaviour as the
// rewrite, not `no-verb`. "Be comfortable in front of a class" names no behaviour: not read.
describe('"be comfortable in" + a gerund', () => {
  const CASES: [string, string][] = [
    ['Be comfortable in creating Jupyter notebooks.', 'Create Jupyter notebooks.'],
    ['Feel comfortable in using the terminal.', 'Use the terminal.'],
    ['Get comfortable in writing unit tests.', 'Write unit tests.'],
  ];
  for (const [text, fixed] of CASES) {
    test(text, () => {
      const source = `## Objectives\n\n- ${text}\n`;
      const ws = new Workspace();
      ws.update('case.md', source);
      const findings = ws.lint('case.md');
      assert.ok(!findings.some((x) => x.ruleId === 'no-verb'), 'no no-verb');
      const f = findings.find((x) => x.ruleId === 'vague-verb');
      const fix = f?.fixes.find((x) => x.isPreferred);
      assert.ok(fix, 'a preferred rewrite');
      assert.equal(applyEdits(source, fix.edits), `## Objectives\n\n- ${fixed}\n`);
    });
  }
});

// Two gerunds after the phrase stay a noun phrase: the rewrite's verb must take one
// ("Demonstrate creating and running ...", never "Use creating and running ...").
describe('a vague phrase before two gerunds', () => {
  for (const text of [
    'Get comfortable creating and running Jupyter notebooks.',
    'Be comfortable in creating and running Jupyter notebooks.',
  ]) {
    test(text, () => {
      const source = `## Objectives\n\n- ${text}\n`;
      const ws = new Workspace();
      ws.update('case.md', source);
      const f = ws.lint('case.md').find((x) => x.ruleId === 'vague-verb');
      const fix = f?.fixes.find((x) => x.isPreferred);
      assert.ok(fix, 'a preferred rewrite');
      assert.equal(
        applyEdits(source, fix.edits),
        '## Objectives\n\n- Demonstrate creating and running Jupyter notebooks.\n',
      );
    });
  }
});
