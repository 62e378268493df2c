import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { error: Error | null };

/** A bug in a view shows a message and a way back instead of a blank window. Saved work is in the store. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Claimdesk view failed:', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice notice-error" role="alert">
        <p>Something went wrong in this view: {this.state.error.message}</p>
        <p>Your saved work is safe in the store.</p>
        <button
          type="button"
          onClick={() => {
            window.location.hash = '#/';
            window.location.reload();
          }}
        >
          Back to the library
        </button>
      </div>
    );
  }
}
