import { runRealtimeSuite } from './suite.js';
import { sqliteTarget } from '../store/targets.js';

runRealtimeSuite('SQLite', () => sqliteTarget.fresh());
