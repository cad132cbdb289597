export { assessmentsToCsv } from './csv';
export { assessmentsToJson } from './json';
export { sourcesToCsv, sourcesToJson } from './sources';
