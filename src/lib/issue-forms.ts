// The GitHub issue forms in .github/ISSUE_TEMPLATE/, built from the vocabularies so that a new area,
// format or community appears in the dropdowns without editing the forms. Pure: no file system.
import { Document, isMap, isSeq, Scalar, visit } from 'yaml';
import type { Vocabularies, VocabularyName } from './dataset/vocab.ts';

export const ISSUE_TEMPLATE_DIR = '.github/ISSUE_TEMPLATE';
export const ADD_A_GROUP_FILE = `${ISSUE_TEMPLATE_DIR}/add-a-group.yml`;
export const REPORT_A_PROBLEM_FILE = `${ISSUE_TEMPLATE_DIR}/report-a-problem.yml`;

type Attributes = Record<string, unknown>;
export interface FormElement {
  type: 'markdown' | 'input' | 'textarea' | 'dropdown' | 'checkboxes';
  id?: string;
  attributes: Attributes;
  validations?: { required: boolean };
}
export interface IssueForm {
  name: string;
  description: string;
  title?: string;
  labels?: string[];
  body: FormElement[];
}

const PUBLIC_NOTE =
  "**Everything you write here is public.** Please don't include anyone's own name, mobile number or personal email unless they have agreed to be listed. Use the group's own contact details instead.";
const CRISIS_NOTE =
  'This is not a crisis service and nobody watches it around the clock. If you need help now, call **NHS 111 and choose option 2**, or **Samaritans on 116 123** (free, any time). In an emergency, call 999.';

function markdown(value: string): FormElement {
  return { type: 'markdown', attributes: { value } };
}

function input(id: string, label: string, description?: string, options: { placeholder?: string; required?: boolean } = {}): FormElement {
  return {
    type: 'input',
    id,
    attributes: { label, ...(description ? { description } : {}), ...(options.placeholder ? { placeholder: options.placeholder } : {}) },
    validations: { required: options.required ?? false },
  };
}

function textarea(id: string, label: string, description?: string, options: { placeholder?: string; required?: boolean } = {}): FormElement {
  return {
    type: 'textarea',
    id,
    attributes: { label, ...(description ? { description } : {}), ...(options.placeholder ? { placeholder: options.placeholder } : {}) },
    validations: { required: options.required ?? false },
  };
}

/** A dropdown whose options are the labels of a vocabulary's terms, in the vocabulary's order. */
function vocabDropdown(
  vocab: Vocabularies,
  name: VocabularyName,
  id: string,
  label: string,
  description: string,
  options: { multiple?: boolean; required?: boolean } = {},
): FormElement {
  return {
    type: 'dropdown',
    id,
    attributes: { label, description, multiple: options.multiple ?? false, options: vocab[name].terms.map((t) => t.label) },
    validations: { required: options.required ?? false },
  };
}

function dropdown(id: string, label: string, choices: string[], description?: string, required = false): FormElement {
  return { type: 'dropdown', id, attributes: { label, ...(description ? { description } : {}), multiple: false, options: choices }, validations: { required } };
}

const RELATIONSHIP = ['I help run it', 'I go to it, or have been', 'I work with people who use it', 'Other'];

function consent(): FormElement {
  return {
    type: 'checkboxes',
    id: 'consent',
    attributes: {
      label: 'Before you send it',
      options: [{ label: "I have not included anyone's own name, mobile number or email unless they agreed to be listed.", required: true }],
    },
  };
}

export function addGroupForm(vocab: Vocabularies): IssueForm {
  return {
    name: 'Add a group',
    description: 'Tell us about a peer support group in Sussex that is not in the directory yet. No technical knowledge needed.',
    title: 'Add a group: ',
    labels: ['add-a-group'],
    body: [
      markdown(
        [
          'Thank you for helping people find peer support. Fill in what you know: only the questions marked with a red star are needed, and a volunteer will check the details with the group before they are published.',
          '',
          PUBLIC_NOTE,
          '',
          CRISIS_NOTE,
        ].join('\n'),
      ),
      input('name', 'Name of the group or organisation', 'As the group writes it.', { required: true }),
      textarea('summary', 'What does it do?', 'One or two sentences, in the words the group uses if you can.', { required: true }),
      vocabDropdown(vocab, 'leaders', 'led_by', 'Who runs it?', 'Choose the closest. Leave it if you are not sure.'),
      vocabDropdown(vocab, 'areas', 'areas', 'Which areas does it serve?', 'Choose all that apply.', { multiple: true, required: true }),
      vocabDropdown(vocab, 'districts', 'districts', 'Which towns or districts?', 'Only if it serves part of an area. Choose all that apply.', { multiple: true }),
      input('service_name', 'Name of the group or session, if different', 'For example "Tuesday evening group". Leave it empty if it is the same as the name above.'),
      vocabDropdown(vocab, 'formats', 'formats', 'What kind of support is it?', 'Choose all that apply.', { multiple: true }),
      vocabDropdown(vocab, 'communities', 'communities', 'Who is it for?', `Choose "${vocab.communities.terms[0]?.label ?? 'everyone'}" if it is open to anyone.`, { multiple: true, required: true }),
      vocabDropdown(vocab, 'settings', 'settings', 'Where does it happen?', 'Choose all that apply.', { multiple: true }),
      vocabDropdown(vocab, 'access', 'access', 'How do people start going?', 'Choose all that apply.', { multiple: true }),
      vocabDropdown(vocab, 'costs', 'cost', 'Does it cost anything?', 'Leave it if you are not sure.'),
      textarea('when_where', 'When and where does it meet?', 'Days, times and the venue, with its postcode if you know it. Say if the group keeps its venue private.', {
        placeholder: 'Every Tuesday, 6pm to 8pm, at the Example Community Centre, BN1 1AA',
      }),
      vocabDropdown(vocab, 'accessibility', 'accessibility', 'Is the venue accessible?', 'Choose all that apply.', { multiple: true }),
      input('website', 'Website', 'The full address, starting with https://', { placeholder: 'https://' }),
      input('email', 'Email address', "The group's own address, not a person's, unless they agreed."),
      input('phone', 'Phone number', "The group's own number, not a person's mobile, unless they agreed.", { placeholder: '01273 123456' }),
      textarea('source', 'How do you know about it?', 'For example: "I go to it", "their leaflet", or a web page (paste its address). This helps us check the details.', { required: true }),
      input('source_date', 'What date does it show?', 'The date on the web page or leaflet, like "March 2024". Leave it empty if it shows none, or if you know it yourself.', { placeholder: 'March 2024' }),
      dropdown('relationship', 'Are you involved with it?', RELATIONSHIP),
      consent(),
    ],
  };
}

export function reportProblemForm(vocab: Vocabularies): IssueForm {
  const correction = 'Only if this is wrong on the page. Choose all that apply.';
  return {
    name: 'Report a problem with a listing',
    description: 'Something on a group’s page is wrong or out of date, or the group has closed.',
    title: 'Correction: ',
    labels: ['correction'],
    body: [
      markdown(
        [
          'Thank you for helping keep the directory right. A volunteer will check what you tell us with the group before changing the listing. Closed groups are marked closed, not removed.',
          '',
          PUBLIC_NOTE,
          '',
          CRISIS_NOTE,
        ].join('\n'),
      ),
      // The id "page" is filled in by the "Suggest a correction" link on each provider page.
      input('page', 'Which listing?', 'The address of the page, or the name of the group.', { required: true }),
      vocabDropdown(vocab, 'service-statuses', 'status', 'Is it still running?', 'Leave it if you are not sure.'),
      textarea('details', 'What is wrong, and what should it say?', 'For example: "It now meets on Wednesdays at 7pm", or "The phone number has changed to 01273 123456".', { required: true }),
      vocabDropdown(vocab, 'formats', 'formats', 'What kind of support is it?', correction, { multiple: true }),
      vocabDropdown(vocab, 'communities', 'communities', 'Who is it for?', correction, { multiple: true }),
      vocabDropdown(vocab, 'access', 'access', 'How do people start going?', correction, { multiple: true }),
      vocabDropdown(vocab, 'costs', 'cost', 'Does it cost anything?', 'Only if this is wrong on the page.'),
      vocabDropdown(vocab, 'areas', 'areas', 'Which areas does it serve?', correction, { multiple: true }),
      textarea('source', 'How do you know?', 'For example: "I help run it", "their new leaflet", or a web page (paste its address). If a page says the group has stopped, paste that page.'),
      input('source_date', 'What date does it show?', 'The date on the web page or leaflet, like "March 2024". Leave it empty if it shows none.', { placeholder: 'March 2024' }),
      dropdown('relationship', 'Are you involved with it?', RELATIONSHIP),
      consent(),
    ],
  };
}

const FORBIDDEN_LABEL_WORDS = /\b(password|passwd|secret|token|credential|api key)\b/i;
const ID = /^[A-Za-z0-9_-]+$/;

/** The rules GitHub applies when it reads an issue form; a form that breaks one is not shown at all. */
export function issueFormProblems(form: IssueForm): string[] {
  const problems: string[] = [];
  if (!form.name.trim()) problems.push('the form has no name');
  if (!form.description.trim()) problems.push('the form has no description');
  if (!form.body.some((e) => e.type !== 'markdown')) problems.push('the form asks nothing (it needs at least one field that is not markdown)');
  const ids = new Set<string>();
  const labels = new Set<string>();
  const parameterized = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
  form.body.forEach((e, i) => {
    const at = `body[${i}]`;
    const a = e.attributes;
    if (e.type === 'markdown') {
      if (e.id) problems.push(`${at}: markdown cannot have an id`);
      if (typeof a.value !== 'string' || !a.value.trim()) problems.push(`${at}: markdown needs a value`);
      return;
    }
    if (e.id !== undefined) {
      if (!ID.test(e.id)) problems.push(`${at}: id "${e.id}" may only have letters, numbers, - and _`);
      if (ids.has(e.id)) problems.push(`${at}: id "${e.id}" is used twice`);
      ids.add(e.id);
    }
    const label = a.label;
    if (typeof label !== 'string' || !label.trim()) problems.push(`${at}: needs a label`);
    else {
      if (labels.has(parameterized(label))) problems.push(`${at}: label "${label}" is used twice`);
      labels.add(parameterized(label));
      if (FORBIDDEN_LABEL_WORDS.test(label) && e.type !== 'checkboxes') problems.push(`${at}: label "${label}" has a word GitHub forbids`);
    }
    for (const key of ['description', 'placeholder'])
      if (key in a && (typeof a[key] !== 'string' || !(a[key] as string).trim())) problems.push(`${at}: ${key} must be text that is not empty`);
    if (e.type === 'dropdown') {
      const options = a.options;
      if (!Array.isArray(options) || options.length === 0) problems.push(`${at}: dropdown "${String(label)}" has no options (is its vocabulary empty?)`);
      else {
        const seen = new Set<string>();
        for (const o of options) {
          if (typeof o !== 'string' || !o.trim()) problems.push(`${at}: dropdown "${String(label)}" has an empty option`);
          else if (o.trim().toLowerCase() === 'none') problems.push(`${at}: dropdown "${String(label)}" cannot have an option called "None" (GitHub adds it itself)`);
          else if (seen.has(o)) problems.push(`${at}: dropdown "${String(label)}" has the option "${o}" twice (two terms in the vocabulary share a label)`);
          else seen.add(o);
        }
      }
      if ('multiple' in a && typeof a.multiple !== 'boolean') problems.push(`${at}: multiple must be true or false`);
    }
    if (e.type === 'checkboxes') {
      const options = a.options;
      if (!Array.isArray(options) || !options.length) problems.push(`${at}: checkboxes need options`);
      else
        for (const o of options as { label?: unknown }[]) {
          if (typeof o.label !== 'string' || !o.label.trim()) problems.push(`${at}: a checkbox needs a label`);
          else if (labels.has(parameterized(o.label))) problems.push(`${at}: checkbox label "${o.label}" is used twice`);
          else labels.add(parameterized(o.label));
        }
    }
  });
  return problems;
}

const HEADER = (file: string) =>
  [
    ` Generated from data/vocab/*.yaml by "npm run issue-forms" (src/lib/issue-forms.ts). Do not edit:`,
    ' change the vocabularies or src/lib/issue-forms.ts and run "npm run issue-forms" again.',
    ` GitHub shows this as an issue form: ${file.split('/').pop()}.`,
  ].join('\n');

/** The form as YAML. Every text is quoted, so GitHub's reader never takes "Yes" or "No" as true or false. */
export function renderIssueForm(form: IssueForm, file: string): string {
  const doc = new Document(form);
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string') return;
      node.type = node.value.includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
    },
  });
  if (isMap(doc.contents)) doc.contents.commentBefore = HEADER(file);
  // Lists of words stay one per line, which reads better in a diff when a term is added.
  visit(doc, {
    Seq(_key, node) {
      if (isSeq(node)) node.flow = false;
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

/** Every generated issue form file, path relative to the repository root → content. */
export function issueFormFiles(vocab: Vocabularies): Map<string, string> {
  return new Map([
    [ADD_A_GROUP_FILE, renderIssueForm(addGroupForm(vocab), ADD_A_GROUP_FILE)],
    [REPORT_A_PROBLEM_FILE, renderIssueForm(reportProblemForm(vocab), REPORT_A_PROBLEM_FILE)],
  ]);
}

/** Problems that would stop GitHub showing the forms, each prefixed with the file. */
export function allIssueFormProblems(vocab: Vocabularies): string[] {
  return [
    ...issueFormProblems(addGroupForm(vocab)).map((p) => `${ADD_A_GROUP_FILE}: ${p}`),
    ...issueFormProblems(reportProblemForm(vocab)).map((p) => `${REPORT_A_PROBLEM_FILE}: ${p}`),
  ];
}
