export const en = {
  'deploy.title': 'Deployment',
  'deploy.subtitle': 'Software packages and deployment tasks',
  'deploy.comingNext':
    'Packages (files, checks and actions) and deployment tasks that target computers and groups come next.',
} as const;
