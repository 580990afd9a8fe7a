// The commands of docs/api.md as the console offers them: the body's fields, who may send it, and in which
// states of the case it makes sense to offer it (the registry still decides; this only keeps the page short).
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const OPEN = ['REPORTED', 'MONITORING', 'UNDER_PROTECTION', 'EMERGENCY', 'CLOSURE_REQUESTED'];
const BOTH = ['CASEWORKER', 'SUPERVISOR'];
const SUP = ['SUPERVISOR'];
const EVERY = [...OPEN, 'CLOSED'];

export const REGISTRATION = [
  { group: 'child' },
  { name: 'child.name' }, { name: 'child.sex', type: 'select', kind: 'Sex' },
  { name: 'child.dateOfBirth', type: 'date' }, { name: 'child.idNumber' },
  { name: 'child.hukou', type: 'select', kind: 'Hukou', value: 'RURAL' },
  { name: 'child.villageCode' }, { name: 'child.school' },
  { group: 'father' },
  { name: 'father.status', type: 'select', kind: 'ParentStatus' }, { name: 'father.workLocation' },
  { group: 'mother' },
  { name: 'mother.status', type: 'select', kind: 'ParentStatus' }, { name: 'mother.workLocation' },
  { group: 'caregiver' },
  { name: 'caregiver.name' }, { name: 'caregiver.relationship', type: 'select', kind: 'Relationship' },
  { name: 'caregiver.age', type: 'number' }, { name: 'caregiver.capacity', type: 'select', kind: 'Capacity' },
  { group: 'report' },
  { name: 'report.source', type: 'select', kind: 'ReportSource' },
  { name: 'report.triggers', type: 'multi', kind: 'Trigger' },
  { name: 'report.description', type: 'textarea' }, { name: 'reason' },
];

export const COMMANDS = [
  {
    path: 'assessments', roles: BOTH, states: OPEN.filter((s) => s !== 'CLOSURE_REQUESTED'),
    fields: () => [{ name: 'riskLevel', type: 'select', kind: 'RiskLevel' },
      { name: 'factors', type: 'multi', kind: 'RiskFactor' }, { name: 'summary', type: 'textarea' }],
  },
  {
    path: 'visits', roles: BOTH, states: OPEN,
    fields: () => [{ name: 'visitDate', type: 'date', value: today() },
      { name: 'visitorRole', type: 'select', kind: 'VisitorRole' },
      { name: 'childSeen', type: 'bool', value: true }, { name: 'observations', type: 'textarea' },
      { name: 'concerns', type: 'multi', kind: 'RiskFactor' }],
  },
  {
    path: 'guardian', roles: BOTH, states: OPEN,
    fields: () => [{ name: 'name' }, { name: 'relationship', type: 'select', kind: 'Relationship' },
      { name: 'age', type: 'number' }, { name: 'capacity', type: 'select', kind: 'Capacity' },
      { name: 'agreementSigned', type: 'bool' }, { name: 'phone' }],
  },
  {
    path: 'parental-contacts', roles: BOTH, states: OPEN,
    fields: () => [{ name: 'date', type: 'date', value: today() }, { name: 'parent', type: 'select', kind: 'Parent' },
      { name: 'channel', type: 'select', kind: 'Channel' }],
  },
  {
    path: 'referrals', roles: BOTH, states: OPEN,
    fields: () => [{ name: 'service', type: 'select', kind: 'Service' }, { name: 'provider' },
      { name: 'note', type: 'textarea' }],
  },
  {
    path: 'emergency', roles: BOTH, states: OPEN,
    fields: () => [{ name: 'trigger', type: 'select', kind: 'Trigger' },
      { name: 'actions', type: 'multi', kind: 'EmergencyAction' },
      { name: 'placement', type: 'select', kind: 'Placement' }, { name: 'reason', type: 'textarea' }],
  },
  {
    path: 'closure', roles: BOTH, states: ['MONITORING', 'UNDER_PROTECTION'],
    fields: () => [{ name: 'reason', type: 'select', kind: 'ClosureReason', label: 'closureReason' },
      { name: 'note', type: 'textarea' }],
  },
  {
    path: 'assignment', roles: SUP, states: OPEN,
    fields: () => [{ name: 'caseworker' }, { name: 'reason' }],
  },
  {
    path: 'closure/decision', roles: SUP, states: ['CLOSURE_REQUESTED'], fourEyes: true,
    fields: () => [{ name: 'approve', type: 'bool', kind: 'Decision' }, { name: 'note', type: 'textarea' }],
  },
  {
    path: 'interventions', roles: SUP, states: OPEN,
    fields: () => [{ name: 'grounds', type: 'select', kind: 'Grounds' }, { name: 'court' },
      { name: 'reason', type: 'textarea' }],
  },
  {
    path: 'transfer', roles: SUP, states: OPEN,
    fields: () => [{ name: 'villageCode' }, { name: 'reason', type: 'textarea' }],
  },
  {
    path: 'reopening', roles: SUP, states: ['CLOSED'],
    fields: () => [{ name: 'reason', type: 'textarea' }],
  },
  {
    // only a closed case, except one registered in error: the registry says so if the basis does not allow it
    path: 'erasure', roles: SUP, states: EVERY, unless: (file) => file.erasure,
    fields: (basis) => [{ name: 'basis', type: 'select', kind: 'ErasureBasis', value: basis },
      { name: 'reason', type: 'textarea' }],
  },
  {
    path: 'erasure/decision', roles: ['SUPERVISOR', 'OVERSIGHT'], states: EVERY,
    unless: (file, me) => !file.erasure || file.erasure.requestedBy === me.username,
    fields: () => [{ name: 'approve', type: 'bool', kind: 'Decision' }, { name: 'note', type: 'textarea' }],
  },
];

/** The commands this user may record on the case as it stands; an erased case takes none. */
export function commandsFor(me, file) {
  if (file.erased) return [];
  return COMMANDS.filter((c) => c.roles.includes(me.role) && c.states.includes(file.status)
    && !(c.unless && c.unless(file, me)));
}

/** The commands on one open item of a case: a referral's outcome, a court's decision on an intervention. */
export function itemCommandsFor(role, file) {
  if (file.status === 'CLOSED' || file.erased || !BOTH.includes(role)) return [];
  const outcomes = file.openReferrals.map((r) => ({
    action: 'a.outcome', item: ['Service', r.service], path: `referrals/${r.referralId}/outcome`,
    fields: [{ name: 'outcome', type: 'select', kind: 'ReferralOutcome' }, { name: 'note', type: 'textarea' }],
  }));
  const decisions = role !== 'SUPERVISOR' ? [] : file.openInterventions.map((i) => ({
    action: 'a.courtDecision', item: ['Grounds', i.grounds], path: `interventions/${i.interventionId}/decision`,
    fields: [{ name: 'granted', type: 'bool', kind: 'Granted' }, { name: 'newGuardian.name' },
      { name: 'newGuardian.relationship', type: 'select', kind: 'Relationship' },
      { name: 'newGuardian.age', type: 'number' }, { name: 'note', type: 'textarea' }],
  }));
  return [...outcomes, ...decisions];
}
