// Asked when a chosen destination already exists: nothing is overwritten until the person says so, and keeping the
// existing file is as plain a choice as replacing it. One prompt for every "save as" of the app.
export function ReplaceFilePrompt({ file, busy = false, onReplace, onKeep }: { file: string; busy?: boolean; onReplace: () => void; onKeep: () => void }) {
  return (
    <div className="problem row wrap" role="alertdialog" aria-label="The file already exists">
      <p>A file named {file} already exists. Replace it? Its current contents will be lost.</p>
      <button type="button" className="danger" disabled={busy} onClick={onReplace}>
        Replace it
      </button>
      <button type="button" className="ghost" onClick={onKeep}>
        Keep the existing file
      </button>
    </div>
  );
}
