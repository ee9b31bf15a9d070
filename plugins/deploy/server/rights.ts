/** The deploy plugin's rights (declared in deploy.plugin.ts). */
export const PACKAGE_RIGHT = 'deploy.package';
export const TASK_RIGHT = 'deploy.task';
export const MIRROR_RIGHT = 'deploy.mirror';
