import jobs from './jobs';
import overview from './overview';

export default {
  jobs,
  overview,
};
