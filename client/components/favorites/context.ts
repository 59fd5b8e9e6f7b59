/** The context through which <mai-app> hands the member's favourites to the buttons and « Mes favoris ». */
import { createContext } from '@lit/context';
import type { FavoritesStore } from '../../state/favorites-store.js';

export const favoritesContext = createContext<FavoritesStore>(Symbol('mai-favorites'));
