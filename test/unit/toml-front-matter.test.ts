// Hugo's TOML front matter (between "+++" lines; the Academic / Wowchemy course themes write
// every page section so) is front matter, as YAML between "---" lines is: its comments are no
// headings, its tables ("[design]") no objectives, and `title = "..."` names the page (field
// trial of 4 Dec 2026, third: rstudio-education/rmd4medicine read "[design]" as an objective
// and "# Choose how many columns ..." as a section).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOutline } from '../../server/src/core/index.js';

const PAGE = `+++
# An Overview section created with the Blank widget.
# Add more sections by duplicating this file and customizing to your requirements.

widget = "blank"  # See https://sourcethemes.com/academic/docs/page-builder/
headless = true  # This file represents a page section.

title = "Learning Objectives"
subtitle = ""

[design]
  # Choose how many columns the section has. Valid values: 1 or 2.
  columns = "2"

[design.spacing]
  # Customize the section spacing. Order is top, right, bottom, left.
  padding = ["6em", "0", "10em", "0"]
+++

Participants will learn how to:

1. Identify the basic anatomy of an R Markdown document.
1. Make and knit an R Markdown document.
`;

test('TOML front matter is front matter: its title names the page, its lines are not read', () => {
  const o = buildOutline(PAGE, 'learning-objectives.md');
  assert.equal(o.title, 'Learning Objectives');
  // No section from the comments: the page's one section holds both objectives.
  assert.deepEqual(
    o.sections.map((s) => s.title),
    [o.sections[0]!.title],
  );
  assert.deepEqual(
    o.objectives.map((x) => x.text),
    [
      'Identify the basic anatomy of an R Markdown document.',
      'Make and knit an R Markdown document.',
    ],
  );
});

test('"+++" that never closes is a paragraph, as before', () => {
  const o = buildOutline('+++\n\n# Course\n\n## Objectives\n\n- Write a loop\n', 'c.md');
  assert.equal(o.title, 'Course');
  assert.deepEqual(
    o.objectives.map((x) => x.text),
    ['Write a loop'],
  );
});
