// The error and the success notice a step shows: an error is announced at once (alert), a notice politely (status).
export function Messages({ error, notice }: { error: string | null | undefined; notice: string | null | undefined }) {
  return (
    <>
      {error && (
        <p className="danger-text" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
