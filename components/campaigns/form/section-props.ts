import type { FieldErrors, FormValues } from './form-model';

/** Changes one field of the form's state (held once, by CampaignForm). */
export type SetField = <K extends keyof FormValues>(key: K, value: FormValues[K]) => void;

/** What each section of the campaign form is given: the whole state, the setter and the current messages. */
export type SectionProps = { values: FormValues; set: SetField; errors: FieldErrors };
