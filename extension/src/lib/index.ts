// Everything the unit tests exercise: the extension's pure logic, free of the `vscode` module.
export * from './backoff';
export * from './charts';
export * from './dashboardHtml';
export * from './messages';
export * from './report';
export * from './serverLocation';
export * from './ssr';
export * from './summary';
