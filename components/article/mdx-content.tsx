import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import { mdxComponents } from './mdx-components';

type MdxModule = { default: React.ComponentType<{ components: typeof mdxComponents }> };

// Contentlayer compiles each MDX file at build time into the body of a function that expects
// React and its JSX runtime as arguments (the mdx-bundler format): evaluate it with ours.
function evaluate(code: string): MdxModule {
  const run = new Function('React', 'ReactDOM', '_jsx_runtime', code) as (...args: unknown[]) => MdxModule;
  return run(React, ReactDOM, jsxRuntime);
}

/** Renders a compiled MDX body on the server. */
export function MdxContent({ code }: { code: string }) {
  const { default: Body } = evaluate(code);
  return <Body components={mdxComponents} />;
}
