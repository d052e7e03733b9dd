/**
 * The zero-install page (web.html): the viewer's panels (main.ts), fed by a
 * run that plays in this page's Web Worker, and the settings bar that starts,
 * downloads and replays runs. install.ts must come first: it installs the
 * worker as the viewer's source before main.ts opens one.
 */
import './install.ts';
import '../main.ts';
import './web.css';
import './controls.ts';
