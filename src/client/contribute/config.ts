// What the /contribute/ page gives its script: the form's model and where the form's other parts are.
import type { PlaceVocabularies } from '../../lib/validate/entry-checks.ts';
import type { FormModel } from '../../lib/contribute/form-model.ts';

export interface ContributeConfig {
  model: FormModel;
  repository: string;
  branch: string;
  /** editFileUrl('') from site-config.ts: add a file's path to edit it on GitHub. */
  editUrlPrefix: string;
  validatorUrl: string;
  /** The folder of the correction data: the file of a group's place in slugs.json is editDataFileName(place). */
  providerDataUrl: string;
  /** A JSON list of the file names (slugs) in the directory, fetched only when needed: it grows with the directory. */
  slugsUrl: string;
  /** Areas and districts, so the form can check places as the validator does. */
  places: PlaceVocabularies;
  /** The site's list of places (/places.json), fetched the first time someone looks a town or postcode up. */
  placesUrl: string;
  /** CORRECTIONS_EMAIL from site-config.ts: the form then offers "Send by email"; absent, it never mentions email. */
  correctionsEmail?: string;
}
