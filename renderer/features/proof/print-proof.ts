// Runs in: renderer. Print Proof: the print stylesheet (styles/print.css) turns the article screen
// into a proof. The desktop app saves it as a PDF through main when the bridge offers it.
export function printProof(suggestedName: string): void {
  const bridge = window.dateline;
  if (bridge?.printProof) {
    void bridge.printProof(suggestedName);
    return;
  }
  window.print();
}
