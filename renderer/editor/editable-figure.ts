// Runs in: renderer. The shared Figure node with the renderer's plain DOM node view attached.
import { Figure } from '../../common/editor/figure';
import { FigureNodeView } from './figure-node-view';

export const EditableFigure = Figure.extend({
  addNodeView() {
    const resolveMediaUrl = this.options.resolveMediaUrl;
    return ({ node, view, getPos, editor }) => new FigureNodeView({ node, view, getPos, editor, resolveMediaUrl });
  },
});
