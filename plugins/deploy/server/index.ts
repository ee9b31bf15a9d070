export { DeployPlugin } from './deploy.plugin';
