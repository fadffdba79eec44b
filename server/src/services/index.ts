import overview from './overview';

export default {
  overview,
};
