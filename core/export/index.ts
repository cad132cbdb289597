export { assessmentsToCsv } from './csv';
export { assessmentsToJson } from './json';
