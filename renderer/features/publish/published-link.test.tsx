// @vitest-environment happy-dom
// Runs in: tests (happy-dom). The live address reads as the reporter wrote the slug, and still links to the encoded address.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PublishedLink } from './published-link';

afterEach(cleanup);

describe('the published link', () => {
  it('shows a Chinese slug decoded and links to the encoded address', () => {
    const url = 'https://news.example.com/%e8%93%84%e6%b0%b4%e4%bb%a5%e5%be%85/';
    render(<PublishedLink url={url} compact />);
    const link = screen.getByRole('link');
    expect(link.textContent).toBe('https://news.example.com/蓄水以待/');
    expect(link.getAttribute('href')).toBe(url);
  });

  it('shows a Chinese domain in its letters (as the publications line does), linking to the Punycode address', () => {
    const url = 'https://xn--vnuwm96f1z9d.xn--fiqs8s/%e8%93%84%e6%b0%b4/';
    render(<PublishedLink url={url} compact />);
    const link = screen.getByRole('link');
    expect(link.textContent).toBe('https://成都日报.中国/蓄水/');
    expect(link.getAttribute('href')).toBe(url);
  });

  it('never shows a bidi override raw', () => {
    render(<PublishedLink url={'https://x.example/\u202Efdp.exe'} compact />);
    expect(screen.getByRole('link').textContent).toBe('https://x.example/%E2%80%AEfdp.exe');
  });
});
